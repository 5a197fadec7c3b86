import { QUEUES, type Side, type WriteJob } from '@connector/core';
import { jobLogger } from '@connector/observability';
import type { ServiceContext } from '@connector/runtime';
import { createWorker, type PgState } from '@connector/state';
import { observeWorker } from './metrics.wiring.js';
import { queueConnection } from './queues.wiring.js';

export interface WriteWorkerSettings {
  /** The side the worker writes to. */
  target: Side;
  state: PgState;
  write(job: WriteJob): Promise<string>;
  concurrency?: number;
}

/**
 * The worker every writer runs: one decided write per job, its outcome logged and counted; a write
 * that fails for good is quarantined with its job, so the item can be retried from the dashboard.
 */
export function startWriteWorker(context: ServiceContext, settings: WriteWorkerSettings): void {
  const queue = settings.target === 'exchange' ? QUEUES.writeExchange : QUEUES.writeCrm;
  const source: Side = settings.target === 'exchange' ? 'crm' : 'exchange';
  const worker = createWorker(
    queue,
    async (write, job) => {
      const outcome = await settings.write(write);
      jobLogger(context.logger, { jobId: job.id, mailbox: write.mailbox, objectType: write.objectType, correlationId: write.cycleId }).debug({ action: write.action, outcome }, 'written');
      return { outcome };
    },
    queueConnection(context.config),
    {
      concurrency: settings.concurrency ?? 8,
      // A writer that dies mid-write hands its job back after the lock expires: keep that short
      // (the lock is renewed every half period while a write runs, so long writes are safe).
      worker: { lockDuration: 10_000, stalledInterval: 5_000 },
      onFinalFailure: async (_job, error, write) => {
        if (!write) return;
        await settings.state.quarantine.quarantine({
          mailbox: write.mailbox,
          objectType: write.objectType,
          side: source,
          sourceId: (source === 'crm' ? write.crm?.recordId : write.exchange?.itemId) ?? write.linkId,
          linkId: write.linkId,
          errorCode: (error as { code?: string }).code ?? `${settings.target.toUpperCase()}_WRITE_FAILED`,
          reason: error instanceof Error ? error.message : String(error),
          payload: write,
        });
      },
      onHookError: (error) => context.logger.error({ err: error }, 'could not quarantine a failed write'),
    },
  );
  worker.on('error', (error) => context.logger.error({ err: error }, `${queue} worker error`));
  observeWorker(worker, queue, context.registry);
  context.onClose(`${queue} worker`, () => worker.close());
}
