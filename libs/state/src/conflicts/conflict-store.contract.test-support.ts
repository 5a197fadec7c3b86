import { describe, expect, it } from 'vitest';
import type { ManualClock } from '../clock.js';
import type { LinkStore } from '../links/link-store.port.js';
import { LinkNotFoundError } from '../state.error.js';
import { uniqueId } from '../test-support/fixtures.test-support.js';
import type { ConflictStore, NewConflict } from './conflict-store.port.js';

export interface ConflictStoreFixture {
  conflicts: ConflictStore;
  links: LinkStore;
  clock: ManualClock;
}

export function describeConflictStoreContract(name: string, fixture: () => ConflictStoreFixture): void {
  describe(`ConflictStore contract: ${name}`, () => {
    async function linkIn(mailbox: string, links: LinkStore): Promise<string> {
      const { link } = await links.createOrGetLink({ mailbox, objectType: 'appointment', exchange: { itemId: uniqueId('AAMk'), changeKey: 'CK' }, state: 'active' });
      return link.id;
    }

    it('records both versions and the base, and lists open conflicts of one mailbox, newest first', async () => {
      const { conflicts, links, clock } = fixture();
      const mailbox = `${uniqueId('c')}@demo.example`;
      const linkId = await linkIn(mailbox, links);
      const first: NewConflict = {
        linkId, field: 'subject', baseValue: 'Visit', exchangeValue: 'Visit (moved)', crmValue: 'Visit ACME', policy: 'crm-wins', winner: 'crm', cycleId: 'c7',
      };
      const recorded = await conflicts.recordConflict(first);
      expect(recorded).toEqual({ ...first, id: expect.any(String), mailbox, objectType: 'appointment', decidedAt: clock.now().toISOString(), resolved: false });
      clock.advance(1_000);
      const second = await conflicts.recordConflict({ linkId, field: 'attendees', baseValue: [{ address: 'a@x.example' }], exchangeValue: [], crmValue: [{ address: 'b@x.example' }], policy: 'newest-wins', winner: 'exchange' });
      expect(second.exchangeValue).toEqual([]);
      await conflicts.recordConflict({ linkId: await linkIn(`${uniqueId('o')}@demo.example`, links), field: 'subject', policy: 'crm-wins', winner: 'crm' });
      expect((await conflicts.listConflicts(mailbox)).map((c) => c.field)).toEqual(['attendees', 'subject']);
    });

    it('resolves a conflict once and hides it unless asked', async () => {
      const { conflicts, links } = fixture();
      const mailbox = `${uniqueId('r')}@demo.example`;
      const conflict = await conflicts.recordConflict({ linkId: await linkIn(mailbox, links), field: 'location', crmValue: 'HQ', policy: 'crm-wins', winner: 'crm' });
      expect(conflict.exchangeValue).toBeUndefined();
      expect(await conflicts.resolveConflict(conflict.id)).toBe(true);
      expect(await conflicts.resolveConflict(conflict.id)).toBe(false);
      expect(await conflicts.resolveConflict('nope')).toBe(false);
      expect(await conflicts.listConflicts(mailbox)).toEqual([]);
      expect(await conflicts.listConflicts(mailbox, { includeResolved: true })).toMatchObject([{ id: conflict.id, resolved: true, resolvedAt: expect.any(String) }]);
    });

    it('refuses a conflict for an unknown link and an unknown winner', async () => {
      const { conflicts, links } = fixture();
      await expect(conflicts.recordConflict({ linkId: crypto.randomUUID(), field: 'subject', policy: 'crm-wins', winner: 'crm' })).rejects.toBeInstanceOf(LinkNotFoundError);
      const linkId = await linkIn('x@demo.example', links);
      await expect(conflicts.recordConflict({ linkId, field: 'subject', policy: 'crm-wins', winner: 'both' as never })).rejects.toMatchObject({ code: 'STATE_INVALID_INPUT' });
    });
  });
}
