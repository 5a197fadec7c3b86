import { createTokenSigner } from '@connector/crm-token';
import { runService } from '@connector/runtime';
import { MailboxRegistry, type ActiveMailbox } from '@connector/scheduling';
import { observeQueueDepths, openPipelineQueues, openRedis, openState, signingKey } from '@connector/wiring';
import { crmDirectoryClient } from './crm-directory.client.js';
import { refreshMailboxes } from './mailbox-refresh.js';
import { registerSyncNowRoutes } from './sync-now.routes.js';

await runService({
  name: 'scheduler',
  defaultPort: 8720,
  async start(context) {
    const { config } = context;
    const state = await openState(context);
    const redis = openRedis(context);
    const queues = openPipelineQueues(context);
    const registry = new MailboxRegistry(redis, config.redis.prefix, 0);
    const polls = { exchange: queues.pollExchange, crm: queues.pollCrm };
    observeQueueDepths(queues, context.registry);
    const signer = createTokenSigner({ key: signingKey(config.crm.token) });
    const directory = crmDirectoryClient({ syncmlUrl: config.crm.url, issueToken: (user) => signer.issue(user), timeoutMs: config.crm.timeoutMs });
    let current: ActiveMailbox[] = [];
    const deps = { config: () => context.config, directory, registry, statuses: state.mailboxes, polls, logger: context.logger };
    const refresh = async () => {
      try {
        current = await refreshMailboxes(deps, current);
        context.logger.info({ mailboxes: current.length }, 'mailbox list refreshed');
      } catch (error) {
        context.logger.error({ err: error }, 'mailbox list refresh failed; keeping the previous list');
      }
    };
    registerSyncNowRoutes(context.app, { current: () => current, polls, registry });
    await refresh();
    // A mailbox added to or removed from the config syncs (or stops) without a restart.
    context.onConfigChange(() => refresh());
    const timer = setInterval(() => void refresh(), config.mailboxes.refreshSeconds * 1000);
    context.onClose('refresh timer', async () => clearInterval(timer));
  },
});
