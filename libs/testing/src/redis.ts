import { Redis } from 'ioredis';
import { containerRuntimeAvailable, uniqueSuffix } from './runtime.js';

export interface IsolatedRedis {
  /** Connection URL of the server. */
  url: string;
  /** Key prefix owned by this test file; BullMQ queues take it as their `prefix`. */
  prefix: string;
  /** A client for assertions; closed by `cleanup`. */
  client: Redis;
  /** Deletes every key under the prefix and closes the client. */
  cleanup(): Promise<void>;
}

const DEFAULT_URL = 'redis://127.0.0.1:6379';
let containerUrl: Promise<string> | undefined;

async function startContainer(): Promise<string> {
  const { RedisContainer } = await import('@testcontainers/redis');
  const container = await new RedisContainer('redis:7-alpine').start();
  return container.getConnectionUrl();
}

/** REDIS_URL when set, else a testcontainer when Docker exists, else the local default. */
export async function resolveRedisUrl(): Promise<string> {
  if (process.env.REDIS_URL) return process.env.REDIS_URL;
  if (containerRuntimeAvailable()) {
    containerUrl ??= startContainer();
    return containerUrl;
  }
  return DEFAULT_URL;
}

export async function deleteKeysWithPrefix(client: Redis, prefix: string): Promise<number> {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) deleted += await client.unlink(...keys);
  } while (cursor !== '0');
  return deleted;
}

/** A Redis key space of its own for one test file, so parallel runs never see each other. */
export async function isolatedRedis(label = 'test'): Promise<IsolatedRedis> {
  const url = await resolveRedisUrl();
  const prefix = `t-${label}-${uniqueSuffix()}`;
  const client = new Redis(url, { maxRetriesPerRequest: 3, lazyConnect: true });
  await client.connect();
  return {
    url,
    prefix,
    client,
    async cleanup() {
      await deleteKeysWithPrefix(client, prefix);
      client.disconnect();
    },
  };
}
