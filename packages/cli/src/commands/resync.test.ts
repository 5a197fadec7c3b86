import { QUEUES, type PollJob } from '@connector/core';
import { RedisCursorStore, createQueue } from '@connector/state';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliHarness, type CliHarness } from '../test-support/cli-harness.test-support.js';

let h: CliHarness;
let cursors: RedisCursorStore;
beforeAll(async () => {
  h = await cliHarness('resync');
  await h.publishMailboxes();
  cursors = new RedisCursorStore({ redis: h.redis.client, prefix: h.redis.prefix });
});
afterAll(() => h.close());

describe('connector resync', () => {
  it("deletes the mailbox's sync states and its user's anchors, nobody else's, and polls every type now", async () => {
    for (const [smtp, user] of [['alice@demo.example', 'alice'], ['bob@demo.example', 'bob']]) {
      await cursors.setSyncState(smtp!, 'appointment|F1', 'S1');
      await cursors.setAnchor(user!, 'calendar|crm-exchange-connector', 'A1');
    }
    const run = await h.run('--json', 'resync', '--mailbox', 'alice@demo.example');
    expect(run.code).toBe(0);
    expect(run.json()).toMatchObject({ mailbox: 'alice@demo.example', crmUser: 'alice', cursorsDeleted: true });
    expect(await cursors.getSyncState('alice@demo.example', 'appointment|F1')).toBeNull();
    expect(await cursors.getAnchor('alice', 'calendar|crm-exchange-connector')).toBeNull();
    expect(await cursors.getSyncState('bob@demo.example', 'appointment|F1')).toBe('S1');
    expect(await cursors.getAnchor('bob', 'calendar|crm-exchange-connector')).toBe('A1');
    const queue = createQueue(QUEUES.pollExchange, { url: h.redis.url, prefix: h.redis.prefix });
    try {
      const polls = (await queue.queue.getJobs(['waiting'])).map((j) => j.data as PollJob);
      expect(polls.map((p) => p.objectType).sort()).toEqual(['absence', 'appointment', 'contact', 'email', 'task']);
      expect(new Set(polls.map((p) => p.mailbox))).toEqual(new Set(['alice@demo.example']));
    } finally {
      await queue.close();
    }
  });

  it('changes nothing for a mailbox that is not synced (exit 3) and needs --mailbox (exit 2)', async () => {
    await cursors.setSyncState('carl@demo.example', 'appointment|F1', 'S1');
    expect((await h.run('resync', '--mailbox', 'carl@demo.example')).code).toBe(3);
    expect(await cursors.getSyncState('carl@demo.example', 'appointment|F1')).toBe('S1');
    expect((await h.run('resync')).code).toBe(2);
  });
});
