import { createLogger } from '@connector/observability';
import { buildApp, SERVICE } from './app.js';
import { readConfig } from './crm-interface.config.js';
import { createDb } from './db/database.js';
import { migrate } from './db/migrate.js';
import { seedDemoData } from './demo-data.js';

const logger = createLogger({ service: SERVICE });

async function main(): Promise<void> {
  const config = readConfig(process.env, process.argv.slice(2));
  const db = createDb(config.databaseUrl);
  const migrated = await migrate(db);
  logger.info({ applied: migrated.applied, schemaVersion: migrated.current }, 'database migrated');
  const { app, data } = await buildApp({ db, logger, ...config });
  if (config.demo) logger.info({ seeded: await seedDemoData(data) }, 'demo data');
  await app.listen({ port: config.port, host: config.host });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await app.close();
    await db.pool.end();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, 'CRM.interface failed to start');
  process.exit(1);
});
