import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { ConnectorConfig } from '@connector/config';
import type { Logger, ReadinessCheck } from '@connector/observability';

/** What a service's `start` gets: config, logger, metrics, its HTTP app, and lifecycle hooks. */
export interface ServiceContext {
  name: string;
  /** The config in force now: read it at use time, it changes when the file is reloaded. */
  readonly config: ConnectorConfig;
  configPath: string;
  /** Called after a valid new config took effect (an invalid one never reaches listeners). */
  onConfigChange(listener: (next: ConnectorConfig, previous: ConnectorConfig) => void | Promise<void>): void;
  /** Re-reads the config file now; false when it was rejected. */
  reloadConfig(): Promise<boolean>;
  logger: Logger;
  registry: Registry;
  /** The service's HTTP server (health, ready, metrics); services may add routes before it listens. */
  app: FastifyInstance;
  /** Registered closers run in reverse order at shutdown: register connections first, workers last. */
  onClose(name: string, close: () => Promise<void>): void;
  addReadiness(check: ReadinessCheck): void;
}
