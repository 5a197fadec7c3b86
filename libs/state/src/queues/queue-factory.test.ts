import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Queue, type Job } from 'bullmq';
import { isolatedRedis, type IsolatedRedis } from '@connector/testing';
import { ConnectorError, DEFAULT_JOB_OPTIONS, JobContractError, QUEUES, type PollJob } from '@connector/core';
import { until } from '../test-support/until.test-support.js';
import { createQueue, createWorker, type QueueConnection } from './queue-factory.js';

let redis: IsolatedRedis;
let connection: QueueConnection;
const closers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  redis = await isolatedRedis('queues');
  connection = { url: redis.url, prefix: redis.prefix };
});
afterAll(async () => {
  for (const close of closers.reverse()) await close();
  await redis.cleanup();
});

function poll(mailbox: string, extra: Partial<PollJob> = {}): PollJob {
  return { v: 1, side: 'exchange', mailbox, crmUser: 'alice', objectType: 'appointment', reason: 'schedule', cycleId: 'c1', requestedAt: '2026-11-25T10:00:00+00:00', ...extra };
}


/** A queue with its own name per test, so tests do not see each other's jobs. */
function queueNamed(name: string) {
  const queue = createQueue(QUEUES.pollExchange, { ...connection, prefix: `${connection.prefix}-${name}` });
  closers.push(() => queue.close());
  return { queue, connection: { ...connection, prefix: `${connection.prefix}-${name}` } };
}

describe('createQueue', () => {
  it('adds valid jobs with the default job options under the configured prefix', async () => {
    const { queue, connection: c } = queueNamed('defaults');
    const job = await queue.add(poll('alice@demo.example'), { jobId: 'poll-x' });
    expect(job.opts).toMatchObject({ attempts: DEFAULT_JOB_OPTIONS.attempts, backoff: DEFAULT_JOB_OPTIONS.backoff });
    expect(await redis.client.exists(`${c.prefix}:${QUEUES.pollExchange}:poll-x`)).toBe(1);
  });

  it('refuses a payload that breaks the contract, and a bulk with one, before anything reaches Redis', async () => {
    const { queue } = queueNamed('invalid');
    await expect(queue.add({ ...poll('alice@demo.example'), mailbox: 'nope' })).rejects.toBeInstanceOf(JobContractError);
    await expect(queue.addBulk([{ payload: poll('a@demo.example') }, { payload: { ...poll('b@demo.example'), v: 2 } as never }])).rejects.toBeInstanceOf(JobContractError);
    expect(await queue.queue.count()).toBe(0);
  });
});

describe('createWorker', () => {
  it('hands the processor the validated payload; several workers share a queue, each job runs once', async () => {
    const { queue, connection: c } = queueNamed('scale');
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      const worker = createWorker(QUEUES.pollExchange, async (data) => void seen.push(data.mailbox), c, { concurrency: 4 });
      closers.push(() => worker.close());
    }
    await queue.addBulk(Array.from({ length: 30 }, (_, i) => ({ payload: poll(`u${i}@demo.example`) })));
    await until(() => seen.length === 30);
    expect(new Set(seen).size).toBe(30);
  });

  it('fails a malformed payload at once (UnrecoverableError) and reports it as a final failure', async () => {
    const { connection: c } = queueNamed('malformed');
    const finals: Array<{ id?: string; data: unknown; error: unknown }> = [];
    let processed = 0;
    const worker = createWorker(QUEUES.pollExchange, async () => void processed++, c, {
      onFinalFailure: async (job, error, data) => void finals.push({ id: job.id, data, error }),
    });
    closers.push(() => worker.close());
    // Written behind the factory's back, as an old producer or a hand edit could.
    const raw = new Queue(QUEUES.pollExchange, { connection: { url: c.url }, prefix: c.prefix });
    closers.push(() => raw.close());
    const job = await raw.add(QUEUES.pollExchange, { v: 1, mailbox: 'broken' }, { attempts: 5 });
    await until(() => finals.length === 1);
    // The hook runs before BullMQ records the failure: wait for the record.
    for (let i = 0; i < 200 && (await raw.getJobState(job.id!)) !== 'failed'; i++) await new Promise((r) => setTimeout(r, 20));
    const failed = (await raw.getJob(job.id!)) as Job;
    expect(await failed.getState()).toBe('failed');
    expect(failed.attemptsMade).toBe(1);
    expect(failed.failedReason).toMatch(/invalid poll-exchange job/);
    expect(processed).toBe(0);
    expect(finals).toEqual([{ id: job.id, data: undefined, error: expect.any(JobContractError) }]);
  });

  it('retries transient errors, fails permanent ones without retry, and calls the final hook once per job', async () => {
    const { connection: c } = queueNamed('errors');
    const attempts = new Map<string, number>();
    const finals: string[] = [];
    const worker = createWorker(
      QUEUES.pollExchange,
      async (data) => {
        attempts.set(data.mailbox, (attempts.get(data.mailbox) ?? 0) + 1);
        if (data.mailbox.startsWith('permanent')) throw new ConnectorError('ITEM_INVALID', 'permanent', 'bad item');
        throw new ConnectorError('EWS_TIMEOUT', 'transient', 'timeout');
      },
      c,
      { onFinalFailure: async (_job, _error, data) => void finals.push(data!.mailbox), onHookError: () => undefined },
    );
    closers.push(() => worker.close());
    const raw = new Queue(QUEUES.pollExchange, { connection: { url: c.url }, prefix: c.prefix });
    closers.push(() => raw.close());
    await raw.add(QUEUES.pollExchange, poll('permanent@demo.example'), { attempts: 3, backoff: { type: 'fixed', delay: 10 } });
    await raw.add(QUEUES.pollExchange, poll('transient@demo.example'), { attempts: 3, backoff: { type: 'fixed', delay: 10 } });
    await until(() => finals.length === 2);
    expect(Object.fromEntries(attempts)).toEqual({ 'permanent@demo.example': 1, 'transient@demo.example': 3 });
    expect(finals.sort()).toEqual(['permanent@demo.example', 'transient@demo.example']);
  });
  it('waits out a throttled error for the server-given pause without spending an attempt', async () => {
    const { connection: c } = queueNamed('throttled');
    const calls: number[] = [];
    const worker = createWorker(
      QUEUES.pollExchange,
      async () => {
        calls.push(Date.now());
        if (calls.length === 1) throw Object.assign(new ConnectorError('EXCHANGE_THROTTLED', 'throttled', 'server busy'), { backOffMs: 300 });
        return 'done';
      },
      c,
    );
    closers.push(() => worker.close());
    const raw = new Queue(QUEUES.pollExchange, { connection: { url: c.url }, prefix: c.prefix });
    closers.push(() => raw.close());
    const job = await raw.add(QUEUES.pollExchange, poll('busy@demo.example'), { attempts: 1 });
    await until(() => calls.length === 2);
    for (let i = 0; i < 200 && (await raw.getJobState(job.id!)) !== 'completed'; i++) await new Promise((r) => setTimeout(r, 20));
    const done = (await raw.getJob(job.id!)) as Job;
    expect(await done.getState()).toBe('completed');
    expect(calls[1]! - calls[0]!).toBeGreaterThanOrEqual(290);
    // attempts: 1 and still completed: the throttled run did not count as the one attempt.
    expect(done.attemptsMade).toBe(1);
  });
});
