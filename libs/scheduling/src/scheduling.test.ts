import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '@connector/config';
import { QUEUES } from '@connector/core';
import { createQueue } from '@connector/state';
import { isolatedRedis, type IsolatedRedis } from '@connector/testing';
import { activeMailboxes, isDrained, pollSides, requestPoll, waitUntilDrained, type PollQueues } from './index.js';

const config = parseConfig(
  {
    exchange: { url: 'http://e.example/EWS/Exchange.asmx', auth: { kind: 'basic', username: 'svc', password: 'x' } },
    crm: { url: 'http://c.example/syncml', token: { algorithm: 'hmac', secret: 's' } },
    rules: { email: { enabled: true }, task: { enabled: false } },
    mailboxes: {
      list: [
        { crmUser: 'alice', smtp: 'Alice@Demo.example' },
        { crmUser: 'bob', smtp: 'bob@demo.example', overrides: { contact: { folder: '/<contacts>/Bob' } } },
        { crmUser: 'dora', smtp: 'dora@demo.example' },
      ],
    },
  },
  { env: {} },
);

describe('pollSides', () => {
  it('reads both sides for two-way and CRM-owned types, Exchange only for filing, none when disabled', () => {
    expect(pollSides('appointment', config.rules)).toEqual(['crm', 'exchange']);
    expect(pollSides('contact', config.rules)).toEqual(['crm', 'exchange']);
    expect(pollSides('email', config.rules)).toEqual(['exchange']);
    expect(pollSides('task', config.rules)).toEqual([]);
  });
});

describe('activeMailboxes', () => {
  const crmUsers = [
    { id: 'u1', login: 'alice', email: 'alice@crm.example', syncEnabled: true },
    { id: 'u2', login: 'bob', email: 'bob@crm.example', syncEnabled: true },
    { id: 'u3', login: 'carl', email: 'carl@crm.example', syncEnabled: true },
    { id: 'u4', login: 'dora', email: 'dora@crm.example', syncEnabled: false },
  ];

  it('intersects the CRM sync-enabled users with the allow-list and applies overrides', () => {
    const mailboxes = activeMailboxes(config, crmUsers);
    expect(mailboxes.map((m) => [m.crmUser, m.smtp])).toEqual([
      ['alice', 'alice@demo.example'],
      ['bob', 'bob@demo.example'],
    ]);
    expect(mailboxes[1]?.rules.contact.folder).toBe('/<contacts>/Bob');
    expect(mailboxes[0]?.rules.contact.folder).toBe('/<contacts>/CRM');
  });

  it('takes every enabled CRM user when the list does not restrict', () => {
    const open = { ...config, mailboxes: { ...config.mailboxes, restrictToList: false } };
    expect(activeMailboxes(open, crmUsers).map((m) => m.smtp)).toEqual(['alice@demo.example', 'bob@demo.example', 'carl@crm.example']);
  });
});

describe('poll requests on real BullMQ', () => {
  let redis: IsolatedRedis;
  let queues: PollQueues;
  const target = { mailbox: 'alice@demo.example', crmUser: 'alice', objectType: 'appointment', side: 'exchange' } as const;

  beforeAll(async () => {
    redis = await isolatedRedis('sched');
    const connection = { url: redis.url, prefix: redis.prefix };
    queues = { exchange: createQueue(QUEUES.pollExchange, connection), crm: createQueue(QUEUES.pollCrm, connection) };
  });
  afterAll(async () => {
    await queues.exchange.close();
    await queues.crm.close();
    await redis.cleanup();
  });

  it('keeps one poll per mailbox, type and side; "now" replaces a delayed next cycle', async () => {
    const q = queues.exchange.queue;
    await requestPoll(queues, target, { kind: 'next', delayMs: 60_000 });
    await requestPoll(queues, target, { kind: 'ensure' });
    expect(await q.getJobCounts('waiting', 'delayed')).toEqual({ waiting: 0, delayed: 1 });
    expect(await isDrained([{ queue: q, delayedCounts: false }])).toBe(true);

    await requestPoll(queues, target, { kind: 'now' });
    const counts = await q.getJobCounts('waiting', 'delayed');
    expect((counts.waiting ?? 0) + (counts.delayed ?? 0)).toBe(1);
    const [job] = await q.getJobs(['waiting', 'delayed']);
    expect(job?.data).toMatchObject({ reason: 'sync-now', mailbox: 'alice@demo.example' });
    expect(await isDrained([{ queue: q, delayedCounts: false }])).toBe(false);
    await q.obliterate({ force: true });
    await waitUntilDrained([{ queue: q, delayedCounts: true }], { timeoutMs: 2_000, settleMs: 50 });
  });
});
