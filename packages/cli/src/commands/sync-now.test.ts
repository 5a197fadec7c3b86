import { QUEUES, type PollJob } from '@connector/core';
import { createQueue, createWorker } from '@connector/state';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliHarness, type CliHarness } from '../test-support/cli-harness.test-support.js';

let h: CliHarness;
beforeAll(async () => {
  h = await cliHarness('syncnow');
  await h.publishMailboxes();
});
afterAll(() => h.close());

async function pendingPolls(): Promise<string[]> {
  const connection = { url: h.redis.url, prefix: h.redis.prefix };
  const queues = [createQueue(QUEUES.pollExchange, connection), createQueue(QUEUES.pollCrm, connection)];
  try {
    const jobs = (await Promise.all(queues.map((q) => q.queue.getJobs(['waiting', 'delayed', 'prioritized'])))).flat();
    return jobs.map((j) => j.data as PollJob).map((p) => `${p.mailbox} ${p.objectType} ${p.side} ${p.reason}`).sort();
  } finally {
    await Promise.all(queues.map((q) => q.close()));
  }
}

describe('connector sync-now', () => {
  it("asks for a poll now of every enabled type and side the mailbox's rules read", async () => {
    const run = await h.run('--json', 'sync-now', '--mailbox', 'alice@demo.example', '--type', 'appointment');
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ mailboxes: ['alice@demo.example'], requested: [{ side: 'crm' }, { side: 'exchange' }] });
    expect(await pendingPolls()).toEqual(['alice@demo.example appointment crm sync-now', 'alice@demo.example appointment exchange sync-now']);
    // Once more: "now" replaces the waiting poll, it does not add a second one.
    expect((await h.run('sync-now', '--mailbox', 'alice@demo.example', '--type', 'appointment')).code).toBe(0);
    expect(await pendingPolls()).toHaveLength(2);
    const all = await h.run('--json', 'sync-now');
    // Defaults: e-mail reads Exchange only, the other four types both sides; two mailboxes.
    expect(all.json<{ requested: unknown[] }>().requested).toHaveLength(2 * 9);
  });

  it('exits 3 for a mailbox that is not synced and 2 for an unknown type, requesting nothing', async () => {
    const before = await pendingPolls();
    const unknown = await h.run('--json', 'sync-now', '--mailbox', 'carl@demo.example');
    expect(unknown.code).toBe(3);
    expect(unknown.json()).toMatchObject({ error: 'MAILBOX_NOT_SYNCED' });
    expect((await h.run('sync-now', '--type', 'meeting')).code).toBe(2);
    expect(await pendingPolls()).toEqual(before);
  });

  it('with --wait returns once the pollers have worked the queues, and exits 1 when they do not in time', async () => {
    const timedOut = await h.run('--json', 'sync-now', '--mailbox', 'bob@demo.example', '--wait', '--timeout', '1');
    expect(timedOut.code).toBe(1);
    expect(timedOut.json()).toMatchObject({ error: 'DRAIN_TIMEOUT' });

    const connection = { url: h.redis.url, prefix: h.redis.prefix };
    const worked: string[] = [];
    const workers = [QUEUES.pollExchange, QUEUES.pollCrm].map((name) => createWorker(name, async (job: PollJob) => void worked.push(`${job.mailbox} ${job.objectType} ${job.side}`), connection));
    try {
      const run = await h.run('--json', 'sync-now', '--mailbox', 'bob@demo.example', '--wait');
      expect(run.code).toBe(0);
      expect(run.json()).toMatchObject({ drained: true });
      expect(worked).toContain('bob@demo.example contact crm');
      expect((await pendingPolls()).filter((p) => p.startsWith('bob'))).toEqual([]);
    } finally {
      await Promise.all(workers.map((w) => w.close()));
    }
  });
});
