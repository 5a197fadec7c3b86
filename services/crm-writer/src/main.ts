import { QUEUES } from '@connector/core';
import { jobLogger } from '@connector/observability';
import { runService } from '@connector/runtime';
import { createWorker } from '@connector/state';
import { rulesForMailbox } from '@connector/scheduling';
import { openCrm, openCursors, openExchange, openRedis, openState, queueConnection } from '@connector/wiring';
import { writeToCrm } from './crm-write.processor.js';
import { serialSessions } from './serial-sessions.adapter.js';

await runService({
  name: 'crm-writer',
  defaultPort: 8725,
  async start(context) {
    const { config } = context;
    const state = await openState(context);
    const redis = openRedis(context);
    const crm = openCrm(context, openCursors(context, redis));
    const filing = { exchange: openExchange(context), rulesFor: (mailbox: string) => rulesForMailbox(config, mailbox) };
    const deps = { crm: serialSessions(crm), links: state.links, filing };
    const worker = createWorker(
      QUEUES.writeCrm,
      async (write, job) => {
        const outcome = await writeToCrm(write, deps);
        jobLogger(context.logger, { jobId: job.id, mailbox: write.mailbox, objectType: write.objectType, correlationId: write.cycleId }).debug({ action: write.action, outcome }, 'written');
        return { outcome };
      },
      queueConnection(config),
      {
        concurrency: 8,
        onFinalFailure: async (_job, error, write) => {
          if (!write) return;
          await state.quarantine.quarantine({
            mailbox: write.mailbox,
            objectType: write.objectType,
            side: 'exchange',
            sourceId: write.exchange?.itemId ?? write.linkId,
            linkId: write.linkId,
            errorCode: (error as { code?: string }).code ?? 'CRM_WRITE_FAILED',
            reason: error instanceof Error ? error.message : String(error),
            payload: write,
          });
        },
        onHookError: (error) => context.logger.error({ err: error }, 'could not quarantine a failed write'),
      },
    );
    worker.on('error', (error) => context.logger.error({ err: error }, 'crm-writer worker error'));
    context.onClose('write-crm worker', () => worker.close());
  },
});
