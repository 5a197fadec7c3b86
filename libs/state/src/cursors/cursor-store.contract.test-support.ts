import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { uniqueId } from '../test-support/fixtures.test-support.js';
import type { CursorStore } from './cursor-store.port.js';

export function describeCursorStoreContract(name: string, fixture: () => { store: CursorStore }): void {
  describe(`CursorStore contract: ${name}`, () => {
    const mailbox = () => `${uniqueId('cur')}@demo.example`;

    it('stores EWS sync states per mailbox and folder, several KB each, and replaces them', async () => {
      const { store } = fixture();
      const m = mailbox();
      const big = randomBytes(48 * 1024).toString('base64');
      expect(await store.getSyncState(m, 'calendar')).toBeNull();
      await store.setSyncState(m, 'calendar', big);
      await store.setSyncState(m, 'contacts', 'S-contacts');
      await store.setSyncState(mailbox(), 'calendar', 'other mailbox');
      expect(await store.getSyncState(m, 'calendar')).toBe(big);
      await store.setSyncState(m, 'calendar', 'S2');
      expect(await store.getSyncState(m, 'calendar')).toBe('S2');
      await store.deleteSyncState(m, 'calendar');
      expect(await store.getSyncState(m, 'calendar')).toBeNull();
      expect(await store.getSyncState(m, 'contacts')).toBe('S-contacts');
    });

    it('stores SyncML anchors per CRM user and datastore', async () => {
      const { store } = fixture();
      const user = uniqueId('user');
      await store.setAnchor(user, './tasks', '20261125T100000Z');
      await store.setAnchor(user, './contacts', '41');
      expect(await store.getAnchor(user, './tasks')).toBe('20261125T100000Z');
      expect(await store.getAnchor(uniqueId('user'), './tasks')).toBeNull();
      await store.deleteAnchor(user, './tasks');
      expect(await store.getAnchor(user, './tasks')).toBeNull();
      expect(await store.getAnchor(user, './contacts')).toBe('41');
    });

    it("forgets every cursor of one mailbox and its CRM user, and nobody else's", async () => {
      const { store } = fixture();
      const [m, other] = [mailbox(), mailbox()];
      const [user, otherUser] = [uniqueId('user'), uniqueId('user')];
      for (const [mb, u] of [[m, user], [other, otherUser]] as const) {
        await store.setSyncState(mb, 'calendar', 'S');
        await store.setSyncState(mb, 'inbox/crm', 'S');
        await store.setAnchor(u, './calendar', 'A');
      }
      await store.deleteAllForMailbox(m, user);
      expect([await store.getSyncState(m, 'calendar'), await store.getSyncState(m, 'inbox/crm'), await store.getAnchor(user, './calendar')]).toEqual([null, null, null]);
      expect([await store.getSyncState(other, 'calendar'), await store.getAnchor(otherUser, './calendar')]).toEqual(['S', 'A']);
      await store.deleteAllForMailbox(other);
      expect(await store.getSyncState(other, 'calendar')).toBeNull();
      expect(await store.getAnchor(otherUser, './calendar')).toBe('A');
    });
  });
}
