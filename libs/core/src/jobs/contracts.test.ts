import { describe, expect, it } from 'vitest';
import { JobContractError, QUEUES, parseJob, pollJobId, writeJobId, changeJobId, type QueueName } from '../index.js';

const now = '2026-11-25T10:00:00+00:00';
const appointment = {
  type: 'appointment',
  subject: 'Visit',
  start: '2026-11-26T09:00:00+01:00',
  end: '2026-11-26T10:00:00+01:00',
  timeZone: 'Europe/Berlin',
};
const valid: Record<QueueName, unknown> = {
  [QUEUES.pollExchange]: { v: 1, side: 'exchange', mailbox: 'alice@demo.example', crmUser: 'alice', objectType: 'appointment', reason: 'schedule', cycleId: 'c1', requestedAt: now },
  [QUEUES.pollCrm]: { v: 1, side: 'crm', mailbox: 'alice@demo.example', crmUser: 'alice', objectType: 'task', reason: 'sync-now', cycleId: 'c1', requestedAt: now },
  [QUEUES.changes]: {
    v: 1, origin: 'exchange', mailbox: 'alice@demo.example', crmUser: 'alice', objectType: 'appointment', cycleId: 'c1',
    kind: 'upsert', exchange: { itemId: 'AAM=', changeKey: 'CQ==' }, item: appointment, observedAt: now,
  },
  [QUEUES.writeExchange]: {
    v: 1, target: 'exchange', mailbox: 'alice@demo.example', crmUser: 'alice', objectType: 'appointment', cycleId: 'c1',
    linkId: '0b0f5a0e-9a56-4b6a-9c52-2a4f8f7a1d11', linkVersion: 3, action: 'CreateInExchange', item: appointment,
  },
  [QUEUES.writeCrm]: {
    v: 1, target: 'crm', mailbox: 'alice@demo.example', crmUser: 'alice', objectType: 'appointment', cycleId: 'c1',
    linkId: '0b0f5a0e-9a56-4b6a-9c52-2a4f8f7a1d11', linkVersion: 0, action: 'DeleteInCrm', crm: { recordId: '17', version: '120' },
  },
};

function issuesOf(queue: QueueName, payload: unknown): string[] {
  try {
    parseJob(queue, payload);
  } catch (error) {
    expect(error).toBeInstanceOf(JobContractError);
    const contractError = error as JobContractError;
    expect(contractError.code).toBe('JOB_CONTRACT_VIOLATION');
    expect(contractError.kind).toBe('permanent');
    expect(contractError.message).toContain(`invalid ${queue} job`);
    return contractError.issues.map((i) => i.path);
  }
  throw new Error('payload was accepted');
}

describe('job contracts', () => {
  it.each(Object.keys(valid) as QueueName[])('accepts a well-formed %s job and applies defaults', (queue) => {
    const job = parseJob(queue, valid[queue]) as { v: number; item?: { type: string; attendees?: unknown[] } };
    expect(job.v).toBe(1);
    if (job.item?.type === 'appointment') expect(job.item.attendees).toEqual([]);
  });

  it.each(Object.keys(valid) as QueueName[])('rejects a non-object and an unknown version on %s', (queue) => {
    expect(issuesOf(queue, 'hello')).toEqual(['(root)']);
    expect(issuesOf(queue, { ...(valid[queue] as object), v: 2 })).toContain('v');
  });

  it('names every bad field of a poll job', () => {
    const paths = issuesOf(QUEUES.pollExchange, { v: 1, side: 'ews', mailbox: 'not-an-address', objectType: 'calendar', reason: 'schedule', cycleId: 'c', requestedAt: 'yesterday' });
    expect(paths).toEqual(expect.arrayContaining(['side', 'mailbox', 'crmUser', 'objectType', 'requestedAt']));
  });

  it('rejects an upsert without an item, a mismatched item type and a missing origin reference', () => {
    const base = valid[QUEUES.changes] as Record<string, unknown>;
    expect(issuesOf(QUEUES.changes, { ...base, item: undefined })).toContain('item');
    expect(issuesOf(QUEUES.changes, { ...base, objectType: 'contact' })).toContain('item.type');
    expect(issuesOf(QUEUES.changes, { ...base, exchange: undefined })).toContain('exchange');
  });

  it('rejects a write job with an unknown action, a bad link id and an invalid item', () => {
    const base = valid[QUEUES.writeExchange] as Record<string, unknown>;
    const paths = issuesOf(QUEUES.writeExchange, { ...base, action: 'Frobnicate', linkId: '42', item: { ...appointment, start: 'soon' } });
    expect(paths).toEqual(expect.arrayContaining(['action', 'linkId', 'item.start']));
  });
});

describe('job ids', () => {
  it('are deterministic, contain no colon and never look like integers', () => {
    const ids = [
      pollJobId('exchange', 'a:b@x.example', 'email'),
      changeJobId('alice@demo.example', 'contact', 'crm', '123'),
      writeJobId('crm', '0b0f5a0e-9a56-4b6a-9c52-2a4f8f7a1d11', 7),
    ];
    for (const id of ids) {
      expect(id).not.toContain(':');
      expect(Number.isInteger(Number(id))).toBe(false);
    }
    expect(pollJobId('exchange', 'alice@demo.example', 'email')).toBe(pollJobId('exchange', 'alice@demo.example', 'email'));
  });
});
