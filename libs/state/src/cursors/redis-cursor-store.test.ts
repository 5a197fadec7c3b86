import { afterAll, beforeAll, expect, it } from 'vitest';
import { isolatedRedis, type IsolatedRedis } from '@connector/testing';
import { describeCursorStoreContract } from './cursor-store.contract.test-support.js';
import { RedisCursorStore } from './redis-cursor-store.adapter.js';

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
