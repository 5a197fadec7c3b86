import { afterAll, beforeAll, expect, it } from 'vitest';
import { isolatedRedis, type IsolatedRedis } from '@connector/testing';
import { ConnectorError, QUEUES, type ChangeJob } from '@connector/core';
import { observedChangeJobId } from '../cursors/enqueue-then-advance.js';
import { createQueue, createWorker } from '../queues/queue-factory.js';
import { appointment } from '../test-support/fixtures.test-support.js';
import { migratedDatabase, type PgHarness } from '../test-support/pg-harness.test-support.js';
import { until } from '../test-support/until.test-support.js';
import { PgQuarantineStore } from './pg-quarantine-store.adapter.js';
import { requeueQuarantined } from './requeue-quarantined.js';

let redis: IsolatedRedis;
let pg: PgHarness;
const closers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  [redis, pg] = await Promise.all([isolatedRedis('requeue'), migratedDatabase('requeue')]);
});
afterAll(async () => {
  for (const close of closers.reverse()) await close();
  await Promise.all([redis.cleanup(), pg.close()]);
});

const change: ChangeJob = {
  v: 1, origin: 'exchange', mailbox: 'alice@demo.example', crmUser: 'alice', objectType: 'appointment', cycleId: 'c1', kind: 'upsert',
  exchange: { itemId: 'AAMk1', changeKey: 'CK1' }, item: appointment, observedAt: '2026-11-25T10:00:00+00:00',
};

it('a quarantined change runs again after a retry, although its failed job is still retained', async () => {
  const store = new PgQuarantineStore({ pool: pg.pool });
  const connection = { url: redis.url, prefix: redis.prefix };
  const changes = createQueue(QUEUES.changes, connection);
  closers.push(() => changes.close());
  let broken = true;
  const runs: string[] = [];
  const worker = createWorker(
    QUEUES.changes,
    async (job) => {
      runs.push(job.exchange!.itemId);
      if (broken) throw new ConnectorError('CRM_REJECTED', 'permanent', 'record locked');
    },
    connection,
    {
      onFinalFailure: async (_job, error, data) =>
        void (await store.quarantine({
          mailbox: data!.mailbox, objectType: data!.objectType, side: data!.origin, sourceId: data!.exchange!.itemId,
          errorCode: (error as ConnectorError).code, reason: (error as Error).message, payload: data,
        })),
    },
  );
  closers.push(() => worker.close());

  await changes.add(change, { jobId: observedChangeJobId(change) });
  await until(() => runs.length === 1);
  let entry: Awaited<ReturnType<typeof store.listQuarantine>>[number] | undefined;
  for (let i = 0; i < 200 && !entry; i++) [entry] = await store.listQuarantine('alice@demo.example');
  expect(entry).toMatchObject({ errorCode: 'CRM_REJECTED', attempts: 1 });
  expect(await changes.queue.getJobState(observedChangeJobId(change))).toBe('failed');

  broken = false;
  const released = await Promise.all([requeueQuarantined(store, changes, entry!), requeueQuarantined(store, changes, entry!)]);
  expect(released.filter(Boolean)).toHaveLength(1);
  await until(() => runs.length === 2);
  await new Promise((r) => setTimeout(r, 200));
  expect(runs).toHaveLength(2);
  expect(await store.listQuarantine('alice@demo.example')).toEqual([]);
  expect(await requeueQuarantined(store, changes, released.find(Boolean)!)).toBeNull();
});
