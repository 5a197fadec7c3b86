import { describe, expect, it } from 'vitest';
import type { ManualClock } from '../clock.js';
import { uniqueId } from '../test-support/fixtures.test-support.js';
import type { QuarantineInput, QuarantineStore } from './quarantine-store.port.js';

export interface QuarantineStoreFixture {
  store: QuarantineStore;
  clock: ManualClock;
}

export function describeQuarantineStoreContract(name: string, fixture: () => QuarantineStoreFixture): void {
  describe(`QuarantineStore contract: ${name}`, () => {
    function item(mailbox = `${uniqueId('q')}@demo.example`): QuarantineInput {
      const sourceId = uniqueId('AAMk');
      return {
        mailbox, objectType: 'appointment', side: 'exchange', sourceId, errorCode: 'ITEM_INVALID', reason: 'end before start',
        payload: { v: 1, origin: 'exchange', kind: 'upsert', exchange: { itemId: sourceId, changeKey: 'CK1' } },
      };
    }

    it('quarantines an item with its payload and counts repeated failures on one entry', async () => {
      const { store, clock } = fixture();
      const input = item();
      const first = await store.quarantine(input);
      expect(first).toEqual({ ...input, id: expect.any(String), attempts: 1, firstSeen: clock.now().toISOString(), lastSeen: clock.now().toISOString() });
      clock.advance(5_000);
      const again = await store.quarantine({ ...input, errorCode: 'CRM_REJECTED', reason: 'locked', payload: { v: 1, retry: true } });
      expect(again).toMatchObject({ id: first.id, attempts: 2, errorCode: 'CRM_REJECTED', reason: 'locked', payload: { v: 1, retry: true }, firstSeen: first.firstSeen, lastSeen: clock.now().toISOString() });
      expect(await store.findQuarantined(input.mailbox, 'appointment', 'exchange', input.sourceId)).toEqual(again);
    });

    it('counts concurrent failures of one item exactly', async () => {
      const { store } = fixture();
      const input = item();
      await Promise.all(Array.from({ length: 6 }, () => store.quarantine(input)));
      expect((await store.findQuarantined(input.mailbox, 'appointment', 'exchange', input.sourceId))?.attempts).toBe(6);
    });

    it('releases once for retry, returning the payload; a new failure reopens the entry and keeps counting', async () => {
      const { store } = fixture();
      const input = item();
      const entry = await store.quarantine(input);
      const released = await store.releaseQuarantine(entry.id);
      expect(released).toMatchObject({ id: entry.id, payload: input.payload, releasedAt: expect.any(String) });
      expect(await store.releaseQuarantine(entry.id)).toBeNull();
      expect(await store.releaseQuarantine(crypto.randomUUID())).toBeNull();
      expect(await store.releaseQuarantine('nope')).toBeNull();
      expect(await store.findQuarantined(input.mailbox, 'appointment', 'exchange', input.sourceId)).toBeNull();
      expect(await store.listQuarantine(input.mailbox)).toEqual([]);
      expect(await store.listQuarantine(input.mailbox, { includeReleased: true })).toHaveLength(1);
      const reopened = await store.quarantine(input);
      expect(reopened).toMatchObject({ id: entry.id, attempts: 2 });
      expect(reopened.releasedAt).toBeUndefined();
    });

    it('lists open entries per mailbox or for all, most recently seen first', async () => {
      const { store, clock } = fixture();
      const mailbox = `${uniqueId('list')}@demo.example`;
      const a = await store.quarantine(item(mailbox));
      clock.advance(1_000);
      const b = await store.quarantine(item(mailbox));
      const other = await store.quarantine(item());
      expect((await store.listQuarantine(mailbox)).map((e) => e.id)).toEqual([b.id, a.id]);
      expect((await store.listQuarantine()).map((e) => e.id)).toEqual(expect.arrayContaining([a.id, b.id, other.id]));
    });

    it('rejects an entry without payload or with an unknown side', async () => {
      const { store } = fixture();
      const { payload: _payload, ...noPayload } = item();
      await expect(store.quarantine(noPayload as QuarantineInput)).rejects.toMatchObject({ code: 'STATE_INVALID_INPUT' });
      await expect(store.quarantine({ ...item(), side: 'outlook' as never })).rejects.toMatchObject({ code: 'STATE_INVALID_INPUT' });
    });
  });
}
