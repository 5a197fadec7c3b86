import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import type { ConnectorConfig } from '@connector/config';
import type { Logger, ReadinessCheck } from '@connector/observability';

/** What a service's `start` gets: config, logger, metrics, its HTTP app, and lifecycle hooks. */
export interface ServiceContext {
  name: string;
  config: ConnectorConfig;
  configPath: string;
  logger: Logger;
  registry: Registry;
  /** The service's HTTP server (health, ready, metrics); services may add routes before it listens. */
  app: FastifyInstance;
  /** Registered closers run in reverse order at shutdown: register connections first, workers last. */
  onClose(name: string, close: () => Promise<void>): void;
  addReadiness(check: ReadinessCheck): void;
}
