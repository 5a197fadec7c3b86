import { runService } from '@connector/runtime';
import { MailboxRegistry, rulesForMailbox } from '@connector/scheduling';
import { openCursors, openExchange, openPipelineQueues, openRedis, openState, startPollWorker } from '@connector/wiring';
import { pollExchange } from './exchange-poll.processor.js';

await runService({
  name: 'exchange-poller',
  defaultPort: 8721,
  async start(context) {
    const state = await openState(context);
    const redis = openRedis(context);
    const cursors = openCursors(context, redis);
    const queues = openPipelineQueues(context);
    const exchange = openExchange(context);
    const registry = new MailboxRegistry(redis, context.config.redis.prefix);
    startPollWorker(context, {
      side: 'exchange',
      state,
      queues,
      registry,
      poll: (job, logger) =>
        pollExchange(job, {
          exchange,
          cursors,
          links: state.links,
          quarantine: state.quarantine,
          changes: queues.changes,
          rulesFor: (mailbox) => rulesForMailbox(context.config, mailbox),
          logger,
        }),
    });
  },
});
