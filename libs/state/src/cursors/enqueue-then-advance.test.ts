import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedRedis, type IsolatedRedis } from '@connector/testing';
import { JobContractError, QUEUES, type ChangeJob } from '@connector/core';
import { appointment } from '../test-support/fixtures.test-support.js';
import { until } from '../test-support/until.test-support.js';
import { createQueue, createWorker, type ConnectorQueue, type QueueConnection } from '../queues/queue-factory.js';
import { enqueueChangesThenAdvance, observedChangeJobId } from './enqueue-then-advance.js';
import { RedisCursorStore } from './redis-cursor-store.adapter.js';

const M = 'alice@demo.example';
let redis: IsolatedRedis;
const closers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  redis = await isolatedRedis('advance');
});
afterAll(async () => {
  for (const close of closers.reverse()) await close();
  await redis.cleanup();
});

function change(itemId: string, changeKey: string, kind: 'upsert' | 'delete' = 'upsert'): ChangeJob {
  return {
    v: 1, origin: 'exchange', mailbox: M, crmUser: 'alice', objectType: 'appointment', cycleId: 'c1', kind,
    exchange: { itemId, changeKey }, item: kind === 'upsert' ? appointment : undefined, observedAt: '2026-11-25T10:00:00+00:00',
  };
}

/** A folder whose change log is read in pages, like SyncFolderItems: the sync state says where to resume. */
function folder(pages: Record<string, { jobs: ChangeJob[]; next: string }>) {
  return (syncState: string | null) => pages[syncState ?? 'start'] ?? { jobs: [], next: syncState ?? 'start' };
}

function setup(name: string) {
  const connection: QueueConnection = { url: redis.url, prefix: `${redis.prefix}-${name}` };
  const queue = createQueue(QUEUES.changes, connection);
  closers.push(() => queue.close());
  const cursors = new RedisCursorStore({ redis: redis.client, prefix: connection.prefix });
  return { connection, queue, cursors };
}

/** One poll cycle as a poller runs it: read the cursor, read a page, enqueue, then advance. */
async function pollOnce(queue: ConnectorQueue<'changes'>, cursors: RedisCursorStore, read: ReturnType<typeof folder>, crash = false) {
  const page = read(await cursors.getSyncState(M, 'calendar'));
  return enqueueChangesThenAdvance(queue, page.jobs, async () => {
    if (crash) throw new Error('process killed before the cursor was saved');
    await cursors.setSyncState(M, 'calendar', page.next);
  });
}

describe('enqueueChangesThenAdvance', () => {
  it('re-reads and re-enqueues a page after a crash between enqueue and save; each change is processed once', async () => {
    const { connection, queue, cursors } = setup('crash');
    const read = folder({ start: { jobs: [change('A', '1'), change('B', '1'), change('C', '1')], next: 'S1' } });

    await expect(pollOnce(queue, cursors, read, true)).rejects.toThrow(/killed/);
    expect(await cursors.getSyncState(M, 'calendar')).toBeNull();
    expect(await queue.queue.count()).toBe(3);

    const { jobIds } = await pollOnce(queue, cursors, read);
    expect(await cursors.getSyncState(M, 'calendar')).toBe('S1');
    expect(await queue.queue.count()).toBe(3);
    expect(jobIds).toEqual([change('A', '1'), change('B', '1'), change('C', '1')].map(observedChangeJobId));

    const processed: string[] = [];
    const worker = createWorker(QUEUES.changes, async (job) => void processed.push(job.exchange!.itemId), connection);
    closers.push(() => worker.close());
    await until(() => processed.length >= 3);
    // The same page read once more after its jobs ran (the save lost again): still the same ids,
    // and BullMQ keeps completed jobs for a while, so nothing runs twice. Past that retention a
    // replay would run again, which idempotent effects and echo suppression absorb.
    await cursors.deleteSyncState(M, 'calendar');
    await pollOnce(queue, cursors, read);
    await new Promise((r) => setTimeout(r, 200));
    expect(processed.sort()).toEqual(['A', 'B', 'C']);
  });

  it('never advances the cursor when the page cannot be enqueued, and adds none of it', async () => {
    const { queue, cursors } = setup('refused');
    await cursors.setSyncState(M, 'calendar', 'S0');
    const broken = { ...change('B', '1'), item: undefined };
    const read = folder({ S0: { jobs: [change('A', '1'), broken], next: 'S1' } });
    await expect(pollOnce(queue, cursors, read)).rejects.toBeInstanceOf(JobContractError);
    expect(await cursors.getSyncState(M, 'calendar')).toBe('S0');
    expect(await queue.queue.count()).toBe(0);
  });

  it('enqueues a later change of an item whose earlier change was already processed', async () => {
    const { connection, queue, cursors } = setup('later');
    const read = folder({ start: { jobs: [change('A', '1')], next: 'S1' }, S1: { jobs: [change('A', '2'), change('A', '2', 'delete')], next: 'S2' } });
    const processed: string[] = [];
    const worker = createWorker(QUEUES.changes, async (job) => void processed.push(`${job.kind}:${job.exchange!.changeKey}`), connection);
    closers.push(() => worker.close());
    await pollOnce(queue, cursors, read);
    await until(() => processed.length === 1);
    await pollOnce(queue, cursors, read);
    await until(() => processed.length === 3);
    expect(processed).toEqual(['upsert:1', 'upsert:2', 'delete:2']);
  });
});

describe('observedChangeJobId', () => {
  it('is deterministic per observed version, a valid BullMQ id, and distinct across versions and kinds', () => {
    const ids = [observedChangeJobId(change('AAMk/x+y==', 'CQ1')), observedChangeJobId(change('AAMk/x+y==', 'CQ2')), observedChangeJobId(change('AAMk/x+y==', 'CQ1', 'delete'))];
    expect(observedChangeJobId(change('AAMk/x+y==', 'CQ1'))).toBe(ids[0]);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) {
      expect(id).not.toContain(':');
      expect(Number.isInteger(Number(id))).toBe(false);
      expect(id.startsWith('chg-alice@demo.example-appointment-exchange-AAMk_x_y__-')).toBe(true);
    }
  });
});
