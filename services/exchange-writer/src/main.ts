import { QUEUES } from '@connector/core';
import { jobLogger } from '@connector/observability';
import { runService } from '@connector/runtime';
import { rulesForMailbox } from '@connector/scheduling';
import { createWorker } from '@connector/state';
import { observeWorker, openExchange, openState, queueConnection } from '@connector/wiring';
import { writeToExchange } from './exchange-write.processor.js';

await runService({
  name: 'exchange-writer',
  defaultPort: 8724,
  async start(context) {
    const { config } = context;
    const state = await openState(context);
    const exchange = openExchange(context);
    const deps = { exchange, links: state.links, rulesFor: (mailbox: string) => rulesForMailbox(context.config, mailbox) };
    const worker = createWorker(
      QUEUES.writeExchange,
      async (write, job) => {
        const outcome = await writeToExchange(write, deps);
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
            side: 'crm',
            sourceId: write.crm?.recordId ?? write.linkId,
            linkId: write.linkId,
            errorCode: (error as { code?: string }).code ?? 'EXCHANGE_WRITE_FAILED',
            reason: error instanceof Error ? error.message : String(error),
            payload: write,
          });
        },
        onHookError: (error) => context.logger.error({ err: error }, 'could not quarantine a failed write'),
      },
    );
    worker.on('error', (error) => context.logger.error({ err: error }, 'exchange-writer worker error'));
    observeWorker(worker, QUEUES.writeExchange, context.registry);
    context.onClose('write-exchange worker', () => worker.close());
  },
});
