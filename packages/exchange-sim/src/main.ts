import { createLogger } from '@connector/observability';
import { buildApp } from './app.js';
import { optionsFromEnv } from './sim.config.js';

const options = optionsFromEnv(process.env, process.argv.slice(2));
const app = await buildApp({ ...options, logger: createLogger({ service: 'exchange-sim' }) });
await app.listen({ port: options.port, host: options.host });

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.log.info({ signal }, 'shutting down');
    void app.close().then(() => process.exit(0));
  });
}
