import { QUEUES } from '@connector/core';
import { jobLogger } from '@connector/observability';
import { compileRules } from '@connector/rules';
import { runService } from '@connector/runtime';
import { MailboxRegistry } from '@connector/scheduling';
import { createWorker } from '@connector/state';
import { observeWorker, openExchange, openPipelineQueues, openRedis, openState, queueConnection } from '@connector/wiring';
import { processChange } from './change.processor.js';
import { otherSideReader } from './other-side.reader.js';

await runService({
  name: 'rule-engine',
  defaultPort: 8723,
  async start(context) {
    const { config } = context;
    const state = await openState(context);
    const redis = openRedis(context);
    const queues = openPipelineQueues(context);
    const exchange = openExchange(context);
    const registry = new MailboxRegistry(redis, config.redis.prefix);
    const deps = {
      links: state.links,
      history: state.history,
      conflicts: state.conflicts,
      quarantine: state.quarantine,
      writeExchange: queues.writeExchange,
      writeCrm: queues.writeCrm,
      otherSide: otherSideReader(exchange),
      rulesFor: (mailbox: string) => compileRules(context.config.rules, context.config.mailboxes.list.find((m) => m.smtp.toLowerCase() === mailbox)),
      syncedAddresses: async () => new Set((await registry.list()).map((m) => m.smtp)),
      now: () => new Date().toISOString(),
    };
    const worker = createWorker(
      QUEUES.changes,
      async (change, job) => {
        const logger = jobLogger(context.logger, { jobId: job.id, mailbox: change.mailbox, objectType: change.objectType, correlationId: change.cycleId });
        const outcome = await processChange(change, job.id ?? '', deps);
        logger.debug({ actions: outcome.decision.actions.map((a) => a.name), reason: outcome.decision.reason, linkId: outcome.linkId }, 'decided');
        return { actions: outcome.decision.actions.map((a) => a.name), linkId: outcome.linkId };
      },
      queueConnection(config),
      {
        concurrency: 8,
        onFinalFailure: async (job, error, change) => {
          if (!change) return;
          await state.quarantine.quarantine({
            mailbox: change.mailbox,
            objectType: change.objectType,
            side: change.origin,
            sourceId: (change.origin === 'exchange' ? change.exchange?.itemId : change.crm?.recordId) ?? 'unknown',
            linkId: change.linkId,
            errorCode: (error as { code?: string }).code ?? 'DECISION_FAILED',
            reason: error instanceof Error ? error.message : String(error),
            payload: change,
          });
        },
        onHookError: (error) => context.logger.error({ err: error }, 'could not quarantine a failed change'),
      },
    );
    worker.on('error', (error) => context.logger.error({ err: error }, 'rule-engine worker error'));
    observeWorker(worker, QUEUES.changes, context.registry);
    context.onClose('changes worker', () => worker.close());
  },
});
