import { randomUUID } from 'node:crypto';
import type { QUEUES} from '@connector/core';
import { pollJobId, type ObjectType, type PollJob, type Side } from '@connector/core';
import type { ConnectorQueue } from '@connector/state';

export interface PollQueues {
  exchange: ConnectorQueue<typeof QUEUES.pollExchange>;
  crm: ConnectorQueue<typeof QUEUES.pollCrm>;
}

export interface PollTarget {
  mailbox: string;
  crmUser: string;
  objectType: ObjectType;
  side: Side;
}

/**
 * How a poll is asked for. Poll jobs of one (mailbox, type, side) share a deduplication id, so at
 * most one waits at a time:
 * - `ensure`: start one now unless one is already waiting or delayed (start-up, new mailbox);
 * - `next`: the next cycle, `delayMs` after this one ended (the configured interval is a pause);
 * - `now`: "sync now": replaces a waiting/delayed one so it runs at once.
 */
export type PollMode = { kind: 'ensure' } | { kind: 'next'; delayMs: number } | { kind: 'now' };

export async function requestPoll(queues: PollQueues, target: PollTarget, mode: PollMode, reason: PollJob['reason'] = 'schedule'): Promise<void> {
  const payload: PollJob = {
    v: 1,
    side: target.side,
    mailbox: target.mailbox,
    crmUser: target.crmUser,
    objectType: target.objectType,
    reason: mode.kind === 'now' && reason === 'schedule' ? 'sync-now' : reason,
    cycleId: randomUUID(),
    requestedAt: new Date().toISOString(),
  };
  const id = pollJobId(target.side, target.mailbox, target.objectType);
  const queue = target.side === 'exchange' ? queues.exchange : queues.crm;
  await queue.add(payload, {
    delay: mode.kind === 'next' ? mode.delayMs : 0,
    deduplication: { id, ...(mode.kind === 'now' ? { replace: true } : {}) },
  });
}
