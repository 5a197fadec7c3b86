import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import Fastify from 'fastify';
import { ConfigError, loadConfigFile, type ConnectorConfig } from '@connector/config';
import { createLogger, createMetricsRegistry, healthPlugin, type ReadinessCheck } from '@connector/observability';
import type { ServiceContext } from './service-context.js';
import { Shutdown } from './shutdown.js';
import { ConfigReloader } from './config-reloader.js';

export interface ServiceSpec {
  name: string;
  /** Port of the health/metrics server when PORT is not set; 0 picks a free one. */
  defaultPort: number;
  start(context: ServiceContext): Promise<void>;
}

export interface RunningService {
  context: ServiceContext;
  port: number;
  stop(): Promise<void>;
}

/** CONNECTOR_CONFIG, else config/connector.yaml, else the example config (the zero-config demo). */
export function configPathFromEnv(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  if (env.CONNECTOR_CONFIG) return resolve(cwd, env.CONNECTOR_CONFIG);
  const own = resolve(cwd, 'config/connector.yaml');
  return existsSync(own) ? own : resolve(cwd, 'config/connector.example.yaml');
}

/** Builds and starts a service; used by `main.ts` (with signals) and by tests (without). */
export interface StartOptions {
  port?: number;
  /** Watch the config file and apply valid changes without a restart. */
  watchConfig?: boolean;
}

export async function startService(spec: ServiceSpec, config: ConnectorConfig, configPath: string, options: StartOptions = {}): Promise<RunningService> {
  const port = options.port ?? spec.defaultPort;
  const logger = createLogger({ service: spec.name, level: config.logLevel });
  const registry = createMetricsRegistry(spec.name);
  const readiness: ReadinessCheck[] = [];
  const shutdown = new Shutdown(logger);
  const app = Fastify({ logger: false });
  await app.register(healthPlugin, { registry, readiness });
  shutdown.register('http', () => app.close());
  const reloader = new ConfigReloader(configPath, config, logger);
  const context: ServiceContext = {
    name: spec.name,
    get config() {
      return reloader.current;
    },
    configPath,
    onConfigChange: (listener) => reloader.onChange(listener),
    reloadConfig: () => reloader.reload(),
    logger,
    registry,
    app,
    onClose: (name, close) => shutdown.register(name, close),
    addReadiness: (check) => readiness.push(check),
  };
  try {
    await spec.start(context);
    if (options.watchConfig) {
      reloader.watch();
      shutdown.register('config watch', async () => reloader.stop());
    }
    await app.listen({ port, host: process.env.HOST ?? '127.0.0.1' });
  } catch (error) {
    await shutdown.run();
    throw error;
  }
  const address = app.server.address();
  const boundPort = address && typeof address === 'object' ? address.port : port;
  logger.info({ port: boundPort, version: process.env.npm_package_version }, `${spec.name} started`);
  return { context, port: boundPort, stop: () => shutdown.run() };
}

/**
 * The whole life of a service process: config or exit 2, start or exit 1, config reloaded on file
 * change or SIGHUP, stop on SIGINT/SIGTERM.
 */
export async function runService(spec: ServiceSpec): Promise<void> {
  const configPath = configPathFromEnv();
  let config: ConnectorConfig;
  try {
    config = loadConfigFile(configPath);
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
    process.exit(2);
  }
  let running: RunningService;
  try {
    running = await startService(spec, config, configPath, { port: process.env.PORT ? Number(process.env.PORT) : spec.defaultPort, watchConfig: true });
  } catch (error) {
    process.stderr.write(`${spec.name} failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  }
  const stop = (signal: string) => {
    running.context.logger.info({ signal }, 'stopping');
    void running.stop().then(() => process.exit(0));
  };
  process.on('SIGHUP', () => void running.context.reloadConfig());
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}
