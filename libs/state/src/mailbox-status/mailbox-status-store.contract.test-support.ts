import { describe, expect, it } from 'vitest';
import type { ManualClock } from '../clock.js';
import { uniqueId } from '../test-support/fixtures.test-support.js';
import type { MailboxStatusStore } from './mailbox-status-store.port.js';

/** The store must be configured with these, so the contract can check the thresholds. */
export const SUSPEND_AFTER = 3;
export const RETRY_MS = 3_600_000;

export interface MailboxStatusStoreFixture {
  store: MailboxStatusStore;
  clock: ManualClock;
}

const unreachable = { code: 'EWS_UNREACHABLE', message: 'connect ECONNREFUSED' };

export function describeMailboxStatusStoreContract(name: string, fixture: () => MailboxStatusStoreFixture): void {
  describe(`MailboxStatusStore contract: ${name}`, () => {
    const mailbox = () => `${uniqueId('m')}@demo.example`;

    it(`suspends after ${SUSPEND_AFTER} consecutive failures, then allows only a slow retry`, async () => {
      const { store, clock } = fixture();
      const m = mailbox();
      for (let i = 1; i < SUSPEND_AFTER; i++) expect(await store.recordAccessFailure(m, unreachable)).toEqual({ suspended: false, consecutiveFailures: i });
      expect(await store.canAttempt(m)).toBe(true);
      const suspendedAt = clock.now();
      const state = await store.recordAccessFailure(m, unreachable);
      expect(state).toEqual({ suspended: true, consecutiveFailures: SUSPEND_AFTER, nextRetryAt: new Date(suspendedAt.getTime() + RETRY_MS).toISOString() });
      expect(await store.canAttempt(m)).toBe(false);
      clock.advance(RETRY_MS);
      expect(await store.canAttempt(m)).toBe(true);
      const again = await store.recordAccessFailure(m, unreachable);
      expect(again).toMatchObject({ suspended: true, consecutiveFailures: SUSPEND_AFTER + 1, nextRetryAt: new Date(clock.now().getTime() + RETRY_MS).toISOString() });
      expect(await store.canAttempt(m)).toBe(false);
      expect(await store.mailboxStatus(m)).toMatchObject({
        suspended: true, suspendedSince: suspendedAt.toISOString(), suspendedReason: 'EWS_UNREACHABLE: connect ECONNREFUSED',
        recentErrors: [{ code: 'EWS_UNREACHABLE', count: SUSPEND_AFTER + 1, lastMessage: 'connect ECONNREFUSED' }],
      });
    });

    it('resets the count and lifts a suspension on success', async () => {
      const { store } = fixture();
      const m = mailbox();
      for (let i = 0; i < SUSPEND_AFTER; i++) await store.recordAccessFailure(m, unreachable);
      expect(await store.recordAccessSuccess(m)).toEqual({ suspended: false, consecutiveFailures: 0 });
      expect(await store.canAttempt(m)).toBe(true);
      expect(await store.recordAccessFailure(m, unreachable)).toEqual({ suspended: false, consecutiveFailures: 1 });
      const status = await store.mailboxStatus(m);
      expect(status?.suspendedSince).toBeUndefined();
      expect(status?.nextRetryAt).toBeUndefined();
    });

    it('counts concurrent failures exactly and suspends once', async () => {
      const { store } = fixture();
      const m = mailbox();
      const states = await Promise.all(Array.from({ length: SUSPEND_AFTER * 2 }, () => store.recordAccessFailure(m, unreachable)));
      expect(states.map((s) => s.consecutiveFailures).sort((a, b) => a - b)).toEqual(Array.from({ length: SUSPEND_AFTER * 2 }, (_, i) => i + 1));
      expect(states.filter((s) => s.suspended)).toHaveLength(SUSPEND_AFTER + 1);
    });

    it('keeps the last cycle per object type with counts both ways', async () => {
      const { store, clock } = fixture();
      const m = mailbox();
      const startedAt = clock.now().toISOString();
      await store.recordCycle(m, 'appointment', { cycleId: 'c1', startedAt, finishedAt: startedAt, counts: { createdInCrm: 9 } });
      const finishedAt = clock.advance(2_000).toISOString();
      await store.recordCycle(m, 'appointment', { cycleId: 'c2', startedAt, finishedAt, counts: { createdInCrm: 2, updatedInExchange: 3, errors: 1 } });
      await store.recordCycle(m, 'email', { cycleId: 'c3', startedAt, finishedAt, counts: {} });
      const status = await store.mailboxStatus(m);
      expect(status).toMatchObject({ mailbox: m, enabled: true, suspended: false, consecutiveFailures: 0, recentErrors: [] });
      expect(status?.cycles).toEqual([
        { objectType: 'appointment', cycleId: 'c2', startedAt, finishedAt, counts: { createdInCrm: 2, updatedInCrm: 0, deletedInCrm: 0, createdInExchange: 0, updatedInExchange: 3, deletedInExchange: 0, errors: 1 } },
        { objectType: 'email', cycleId: 'c3', startedAt, finishedAt, counts: { createdInCrm: 0, updatedInCrm: 0, deletedInCrm: 0, createdInExchange: 0, updatedInExchange: 0, deletedInExchange: 0, errors: 0 } },
      ]);
      await expect(store.recordCycle(m, 'email', { cycleId: 'c4', startedAt, finishedAt, counts: { createdInCrm: -1 } })).rejects.toMatchObject({ code: 'STATE_INVALID_INPUT' });
    });

    it('summarises recent errors by code and forgets old ones', async () => {
      const { store, clock } = fixture();
      const m = mailbox();
      await store.recordError(m, { code: 'OLD', message: 'long ago' });
      clock.advance(8 * 24 * 3_600_000);
      await store.recordError(m, { code: 'ITEM_INVALID', message: 'first', objectType: 'task' });
      clock.advance(1_000);
      await store.recordError(m, { code: 'ITEM_INVALID', message: 'second' });
      await store.recordError(m, { code: 'CRM_DENIED', message: 'no rights' });
      const errors = (await store.mailboxStatus(m))?.recentErrors;
      expect(errors?.map((e) => [e.code, e.count])).toEqual([['CRM_DENIED', 1], ['ITEM_INVALID', 2]]);
      expect(errors?.find((e) => e.code === 'ITEM_INVALID')?.lastMessage).toBe('second');
    });

    it('disables a mailbox and lists every known mailbox', async () => {
      const { store } = fixture();
      const [a, b] = [mailbox(), mailbox()];
      await store.setEnabled(a, false);
      await store.recordAccessSuccess(b);
      expect(await store.canAttempt(a)).toBe(false);
      expect(await store.canAttempt(mailbox())).toBe(true);
      expect(await store.mailboxStatus(mailbox())).toBeNull();
      const listed = await store.listMailboxStatus();
      expect(listed.find((s) => s.mailbox === a)?.enabled).toBe(false);
      expect(listed.find((s) => s.mailbox === b)?.enabled).toBe(true);
      await store.setEnabled(a, true);
      expect(await store.canAttempt(a)).toBe(true);
    });
  });
}
