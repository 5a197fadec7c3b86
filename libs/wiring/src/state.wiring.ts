import { Redis } from 'ioredis';
import type { ServiceContext } from '@connector/runtime';
import { RedisCursorStore, openPgState, type CursorStore, type PgState } from '@connector/state';

/** The PostgreSQL stores (migrated), closed with the service and checked by /ready. */
export async function openState(context: ServiceContext): Promise<PgState> {
  const { config } = context;
  const state = await openPgState({
    url: config.database.url,
    suspendAfterFailures: config.errorPolicy.suspendAfterFailures,
    suspendedRetryMs: config.errorPolicy.suspendedRetrySeconds * 1000,
    onPoolError: (error) => context.logger.warn({ err: error }, 'idle PostgreSQL connection lost'),
  });
  context.onClose('postgres', () => state.close());
  context.addReadiness({ name: 'postgres', check: async () => void (await state.pool.query('SELECT 1')) });
  return state;
}

/** A Redis client for cursors and the mailbox directory, beside the queues. */
export function openRedis(context: ServiceContext): Redis {
  const redis = new Redis(context.config.redis.url, { maxRetriesPerRequest: 3 });
  redis.on('error', (error) => context.logger.warn({ err: error }, 'redis connection error'));
  context.onClose('redis', async () => void redis.disconnect());
  context.addReadiness({ name: 'redis', check: async () => void (await redis.ping()) });
  return redis;
}

export function openCursors(context: ServiceContext, redis: Redis): CursorStore {
  return new RedisCursorStore({ redis, prefix: context.config.redis.prefix });
}
