import { loadConfigFile } from '@connector/config';
import { configPathFromEnv, runService } from '@connector/runtime';
import { MailboxRegistry, rulesForMailbox } from '@connector/scheduling';
import { openPipelineQueues, openRedis, openState } from '@connector/wiring';
import { checkBinding } from './auth.js';
import { buildDashboard } from './dashboard.app.js';

/** dashboard.port (env DASHBOARD_PORT); PORT still wins, as for every service. A bad config is reported by runService. */
function configuredPort(): number {
  try {
    return loadConfigFile(configPathFromEnv()).dashboard.port;
  } catch {
    return 8710;
  }
}

await runService({
  name: 'dashboard',
  defaultPort: configuredPort(),
  async start(context) {
    const { config, logger } = context;
    // runService binds to HOST (default 127.0.0.1); without a password only loopback is allowed.
    checkBinding(config.dashboard.adminPassword, process.env.HOST ?? '127.0.0.1', logger);
    const state = await openState(context);
    const redis = openRedis(context);
    await buildDashboard(context.app, {
      stores: state,
      registry: new MailboxRegistry(redis, config.redis.prefix),
      queues: openPipelineQueues(context),
      rulesFor: (smtp) => rulesForMailbox(config, smtp),
      adminPassword: config.dashboard.adminPassword,
      logger,
    });
  },
});
