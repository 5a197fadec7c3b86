import { afterAll, beforeAll, expect, it } from 'vitest';
import { deleteKeysWithPrefix, isolatedRedis, type IsolatedRedis } from '@connector/testing';
import { ManualClock } from '../clock.js';
import { PgLinkStore } from '../links/pg-link-store.adapter.js';
import { migratedDatabase, type PgHarness } from '../test-support/pg-harness.test-support.js';
import { RedisCursorStore } from './redis-cursor-store.adapter.js';

const M = 'alice@demo.example';
let redis: IsolatedRedis;
let pg: PgHarness;

beforeAll(async () => {
  [redis, pg] = await Promise.all([isolatedRedis('loss'), migratedDatabase('loss')]);
});
afterAll(async () => {
  await Promise.all([redis.cleanup(), pg.close()]);
});

it('losing Redis costs a slow sync, never a duplicate: re-enumerated items match their links', async () => {
  const links = new PgLinkStore({ pool: pg.pool, clock: new ManualClock() });
  const cursors = new RedisCursorStore({ redis: redis.client, prefix: redis.prefix });
  const folder = ['A', 'B', 'C'];
  // Each item an incremental sync saw was linked; the cursor sits after them.
  for (const itemId of folder) await links.createOrGetLink({ mailbox: M, objectType: 'appointment', exchange: { itemId, changeKey: '1' }, state: 'active' });
  await cursors.setSyncState(M, 'calendar', 'S3');

  await deleteKeysWithPrefix(redis.client, redis.prefix);
  expect(await cursors.getSyncState(M, 'calendar')).toBeNull();

  // No cursor: the poller enumerates the whole folder (one item is new) and matches each item.
  const results = await Promise.all(
    [...folder, 'D'].map((itemId) => links.createOrGetLink({ mailbox: M, objectType: 'appointment', exchange: { itemId, changeKey: '1' }, state: 'pending-crm' })),
  );
  expect(results.map((r) => r.created)).toEqual([false, false, false, true]);
  expect((await links.listLinks(M, 'appointment')).links).toHaveLength(4);
});
