import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';

export interface ReadinessCheck {
  name: string;
  check(): Promise<void>;
}

export interface HealthPluginOptions {
  registry: Registry;
  /** Each dependency the service needs before it can do work (Redis, PostgreSQL, a peer). */
  readiness?: ReadinessCheck[];
}

/** `/health` (the process is alive), `/ready` (its dependencies answer) and `/metrics`. */
export const healthPlugin = fp<HealthPluginOptions>(
  async (app: FastifyInstance, options) => {
    app.get('/health', async () => ({ status: 'ok' }));

    app.get('/ready', async (_request, reply) => {
      const failures: Record<string, string> = {};
      await Promise.all(
        (options.readiness ?? []).map(async ({ name, check }) => {
          try {
            await check();
          } catch (error) {
            failures[name] = error instanceof Error ? error.message : String(error);
          }
        }),
      );
      if (Object.keys(failures).length > 0) return reply.code(503).send({ status: 'not-ready', failures });
      return { status: 'ready' };
    });

    app.get('/metrics', async (_request, reply) => {
      reply.header('content-type', options.registry.contentType);
      return options.registry.metrics();
    });
  },
  { name: 'connector-health', fastify: '5.x' },
);
