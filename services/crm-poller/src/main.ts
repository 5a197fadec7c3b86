import { runService } from '@connector/runtime';
import { MailboxRegistry } from '@connector/scheduling';
import { openCrm, openCursors, openPipelineQueues, openRedis, openState, startPollWorker } from '@connector/wiring';
import { pollCrm } from './crm-poll.processor.js';

await runService({
  name: 'crm-poller',
  defaultPort: 8722,
  async start(context) {
    const state = await openState(context);
    const redis = openRedis(context);
    const cursors = openCursors(context, redis);
    const queues = openPipelineQueues(context);
    const crm = openCrm(context, cursors);
    const registry = new MailboxRegistry(redis, context.config.redis.prefix);
    startPollWorker(context, {
      side: 'crm',
      state,
      queues,
      registry,
      poll: (job) =>
        pollCrm(job, {
          crm,
          links: state.links,
          quarantine: state.quarantine,
          changes: queues.changes,
          crmUserId: async (mailbox) => (await registry.entry(mailbox))?.crmUserId,
        }),
    });
  },
});
