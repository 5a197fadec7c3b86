import { QUEUES, ConnectorError, type PollJob, type Side } from '@connector/core';
import type { ServiceContext } from '@connector/runtime';
import type { MailboxRegistry} from '@connector/scheduling';
import { requestPoll, rulesForMailbox } from '@connector/scheduling';
import { createWorker, type PgState } from '@connector/state';
import { jobLogger, type Logger } from '@connector/observability';
import type { PipelineQueues } from './queues.wiring.js';
import { queueConnection } from './queues.wiring.js';
import { observeWorker } from './metrics.wiring.js';

export interface PollWorkerSettings<R> {
  side: Side;
  state: PgState;
  queues: PipelineQueues;
  registry: MailboxRegistry;
  concurrency?: number;
  poll(job: PollJob, logger: Logger): Promise<R>;
}

/** Failures of the mailbox as a whole (not of one item) that count towards suspension. */
function accessFailure(error: unknown): { code: string; message: string } | undefined {
  if (error instanceof ConnectorError) return error.kind === 'throttled' ? undefined : { code: error.code, message: error.message };
  return { code: 'POLL_FAILED', message: error instanceof Error ? error.message : String(error) };
}

/**
 * The worker every poller runs: skips suspended mailboxes until their slow retry is due, records
 * access successes and failures (N in a row suspend the mailbox), and when a poll ends, asks for
 * the next one after the type's interval, as long as the mailbox is still synced.
 */
export function startPollWorker<R>(context: ServiceContext, settings: PollWorkerSettings<R>): void {
  const { state, registry, queues, side } = settings;
  const queueName = side === 'exchange' ? QUEUES.pollExchange : QUEUES.pollCrm;

  const scheduleNext = async (job: PollJob) => {
    if (!(await registry.isSynced(job.mailbox))) return;
    const rules = rulesForMailbox(context.config, job.mailbox);
    const suspendedDelay = context.config.errorPolicy.suspendedRetrySeconds * 1000;
    const status = await state.mailboxes.mailboxStatus(job.mailbox);
    const delayMs = status?.suspended ? suspendedDelay : rules[job.objectType].intervalSeconds * 1000;
    await requestPoll({ exchange: queues.pollExchange, crm: queues.pollCrm }, job, { kind: 'next', delayMs });
  };

  const worker = createWorker(
    queueName,
    async (job, bullJob) => {
      const logger = jobLogger(context.logger, { jobId: bullJob.id, mailbox: job.mailbox, objectType: job.objectType, correlationId: job.cycleId });
      if (!(await state.mailboxes.canAttempt(job.mailbox))) {
        logger.info('mailbox suspended or disabled; poll skipped');
        return { skipped: 'suspended' };
      }
      try {
        const result = await settings.poll(job, logger);
        await state.mailboxes.recordAccessSuccess(job.mailbox);
        logger.info({ result }, 'poll done');
        return result;
      } catch (error) {
        const failure = accessFailure(error);
        if (failure) {
          const access = await state.mailboxes.recordAccessFailure(job.mailbox, failure);
          if (access.suspended) logger.warn({ failure, access }, 'mailbox suspended after repeated access failures');
        }
        logger.warn({ err: error }, 'poll failed');
        // A failed poll is not retried in place: the next cycle (or the slow retry) reads again.
        throw new ConnectorError(failure?.code ?? 'POLL_THROTTLED', 'permanent', error instanceof Error ? error.message : String(error), { cause: error });
      }
    },
    queueConnection(context.config),
    { concurrency: settings.concurrency ?? 4 },
  );
  const next = (job: { data: unknown } | undefined) => {
    if (!job) return;
    scheduleNext(job.data as PollJob).catch((error: unknown) => context.logger.error({ err: error }, 'could not schedule the next poll'));
  };
  worker.on('completed', next);
  worker.on('failed', next);
  worker.on('error', (error) => context.logger.error({ err: error }, 'poll worker error'));
  observeWorker(worker, queueName, context.registry);
  context.onClose(`${queueName} worker`, () => worker.close());
}
