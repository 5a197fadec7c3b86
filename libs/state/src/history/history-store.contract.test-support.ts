import { describe, expect, it } from 'vitest';
import type { ManualClock } from '../clock.js';
import type { LinkStore } from '../links/link-store.port.js';
import { MAILBOX, uniqueId } from '../test-support/fixtures.test-support.js';
import type { HistoryStore, NewHistoryEntry } from './history-store.port.js';

export interface HistoryStoreFixture {
  history: HistoryStore;
  links: LinkStore;
  clock: ManualClock;
}

export function describeHistoryStoreContract(name: string, fixture: () => HistoryStoreFixture): void {
  describe(`HistoryStore contract: ${name}`, () => {
    it('records an entry with its time and returns it whole', async () => {
      const { history, clock } = fixture();
      const input: NewHistoryEntry = {
        mailbox: MAILBOX, objectType: 'appointment', origin: 'exchange', exchangeItemId: uniqueId('AAMk'),
        rule: 'new item in Exchange', action: 'CreateInCrm', outcome: 'decided', detail: 'appointments both ways', cycleId: 'c1',
      };
      const entry = await history.recordHistory(input);
      expect(entry).toEqual({ ...input, id: expect.any(String), at: clock.now().toISOString() });
    });

    it("finds an item's whole history by its link or by either side's id, oldest first", async () => {
      const { history, links, clock } = fixture();
      const itemId = uniqueId('AAMk');
      const recordId = uniqueId('rec');
      const base = { mailbox: MAILBOX, objectType: 'appointment' as const, cycleId: 'c1' };
      await history.recordHistory({ ...base, origin: 'exchange', exchangeItemId: itemId, rule: 'new in Exchange', action: 'CreateInCrm', outcome: 'decided' });
      const { link } = await links.createOrGetLink({ mailbox: MAILBOX, objectType: 'appointment', exchange: { itemId, changeKey: 'CK1' }, state: 'pending-crm' });
      clock.advance(1_000);
      await history.recordHistory({ ...base, linkId: link.id, rule: 'CRM record created', action: 'CreateInCrm', outcome: 'applied' });
      await links.compareAndSet(link.id, 0, { crm: { recordId, version: '1' }, state: 'active' });
      clock.advance(1_000);
      await history.recordHistory({ ...base, origin: 'crm', crmRecordId: recordId, rule: 'subject changed in CRM', action: 'UpdateExchangeFromCrm', outcome: 'decided' });
      await history.recordHistory({ ...base, origin: 'exchange', exchangeItemId: uniqueId('other'), rule: 'unrelated', action: 'Skip', outcome: 'skipped' });

      const expected = ['new in Exchange', 'CRM record created', 'subject changed in CRM'];
      for (const ref of [{ linkId: link.id }, { ...base, exchangeItemId: itemId }, { ...base, crmRecordId: recordId }]) {
        expect((await history.historyFor(ref)).map((e) => e.rule)).toEqual(expected);
      }
      expect((await history.historyFor({ linkId: link.id }, { limit: 2 })).map((e) => e.rule)).toEqual(expected.slice(1));
    });

    it('finds history of an item that never got a link, and nothing for unknown ids', async () => {
      const { history } = fixture();
      const recordId = uniqueId('rec');
      await history.recordHistory({ mailbox: MAILBOX, objectType: 'task', origin: 'crm', crmRecordId: recordId, rule: 'invalid due date', action: 'Skip', outcome: 'quarantined' });
      expect(await history.historyFor({ mailbox: MAILBOX, objectType: 'task', crmRecordId: recordId })).toHaveLength(1);
      expect(await history.historyFor({ mailbox: MAILBOX, objectType: 'contact', crmRecordId: recordId })).toEqual([]);
      expect(await history.historyFor({ linkId: crypto.randomUUID() })).toEqual([]);
      expect(await history.historyFor({ linkId: 'nope' })).toEqual([]);
    });

    it('rejects an entry with an unknown action or outcome', async () => {
      const { history } = fixture();
      const bad = { mailbox: MAILBOX, objectType: 'task', rule: 'r', action: 'Frobnicate', outcome: 'maybe' } as unknown as NewHistoryEntry;
      await expect(history.recordHistory(bad)).rejects.toMatchObject({ code: 'STATE_INVALID_INPUT', message: expect.stringMatching(/action.*outcome/) });
    });
  });
}
