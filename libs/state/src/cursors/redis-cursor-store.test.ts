import { afterAll, beforeAll, expect, it } from 'vitest';
import { isolatedRedis, type IsolatedRedis } from '@connector/testing';
import { describeCursorStoreContract } from './cursor-store.contract.test-support.js';
import { RedisCursorStore, openRedisCursorStore } from './redis-cursor-store.adapter.js';

let redis: IsolatedRedis;
let store: RedisCursorStore;

beforeAll(async () => {
  redis = await isolatedRedis('cursors');
  store = new RedisCursorStore({ redis: redis.client, prefix: redis.prefix });
});
afterAll(() => redis.cleanup());

describeCursorStoreContract('Redis', () => ({ store }));

it('keeps every cursor key under the configured prefix', async () => {
  await store.setSyncState('p@demo.example', 'calendar', 'S');
  await store.setAnchor('p', './tasks', 'A');
  expect(await redis.client.exists(`${redis.prefix}:cursor:ews:p@demo.example`, `${redis.prefix}:cursor:syncml:p`)).toBe(2);
});

it('opens a store with its own connection for a service, sharing the prefix', async () => {
  const opened = openRedisCursorStore({ url: redis.url, prefix: redis.prefix });
  try {
    await opened.store.setSyncState('own@demo.example', 'calendar', 'S9');
    expect(await store.getSyncState('own@demo.example', 'calendar')).toBe('S9');
  } finally {
    await opened.close();
  }
});
