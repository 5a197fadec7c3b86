import { QUEUES } from '@connector/core';
import { createQueue } from '@connector/state';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliHarness, type CliHarness } from '../test-support/cli-harness.test-support.js';
import { changeJob } from '../test-support/fixtures.test-support.js';

let h: CliHarness;
beforeAll(async () => {
  h = await cliHarness('retry');
});
afterAll(() => h.close());

const quarantineItem = (mailbox: string, sourceId: string, payload: unknown) =>
  h.state.quarantine.quarantine({ mailbox, objectType: 'appointment', side: 'exchange', sourceId, errorCode: 'ITEM_INVALID', reason: 'bad', payload });

async function changesQueued(): Promise<string[]> {
  const queue = createQueue(QUEUES.changes, { url: h.redis.url, prefix: h.redis.prefix });
  try {
    return (await queue.queue.getJobs(['waiting'])).map((j) => (j.data as { exchange: { itemId: string } }).exchange.itemId).sort();
  } finally {
    await queue.close();
  }
}

describe('connector retry', () => {
  it('requeues one entry by id and releases it; an unknown or released id is not found (exit 3)', async () => {
    const entry = await quarantineItem('alice@demo.example', 'A1', changeJob('alice@demo.example', 'A1'));
    const run = await h.run('--json', 'retry', '--id', entry.id);
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ retried: 1, failed: 0, results: [{ id: entry.id, outcome: 'retried' }] });
    expect(await changesQueued()).toEqual(['A1']);
    expect(await h.state.quarantine.findQuarantined('alice@demo.example', 'appointment', 'exchange', 'A1')).toBeNull();
    const again = await h.run('--json', 'retry', '--id', entry.id);
    expect(again.code).toBe(3);
    expect(again.json()).toMatchObject({ error: 'QUARANTINE_NOT_FOUND' });
  });

  it("retries one mailbox's entries; entries that are no change job stay quarantined and make it partial (exit 4)", async () => {
    await quarantineItem('alice@demo.example', 'A2', changeJob('alice@demo.example', 'A2'));
    await quarantineItem('alice@demo.example', 'A3', { retry: 'refetch', itemId: 'A3' });
    await quarantineItem('bob@demo.example', 'B1', changeJob('bob@demo.example', 'B1'));
    const run = await h.run('retry', '--mailbox', 'Alice@demo.example');
    expect(run.code).toBe(4);
    expect(run.stdout).toMatch(/retried +\S+ alice@demo.example appointment A2/);
    expect(run.stdout).toMatch(/not-retryable +\S+ alice@demo.example appointment A3/);
    expect(run.stdout).toContain('1 of 2 quarantined item(s) requeued');
    expect(await changesQueued()).toEqual(['A1', 'A2']);
    expect(await h.state.quarantine.findQuarantined('alice@demo.example', 'appointment', 'exchange', 'A3')).not.toBeNull();
    expect(await h.state.quarantine.findQuarantined('bob@demo.example', 'appointment', 'exchange', 'B1')).not.toBeNull();

    const all = await h.run('--json', 'retry');
    expect(all.code).toBe(4);
    expect(all.json()).toMatchObject({ retried: 1, failed: 1 });
    expect(await changesQueued()).toEqual(['A1', 'A2', 'B1']);
  });
});
