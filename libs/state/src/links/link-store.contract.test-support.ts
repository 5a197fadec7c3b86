import { describe, expect, it } from 'vitest';
import { syncLinkSchema } from '@connector/core';
import type { ManualClock } from '../clock.js';
import { DuplicateLinkError, LinkNotFoundError, StaleLinkError, StateError } from '../state.error.js';
import { MAILBOX, OTHER_MAILBOX, appointment, uniqueId } from '../test-support/fixtures.test-support.js';
import type { ConflictStore } from '../conflicts/conflict-store.port.js';
import type { HistoryStore } from '../history/history-store.port.js';
import type { LinkStore, NewLink } from './link-store.port.js';

export interface LinkStoreFixture {
  store: LinkStore;
  clock: ManualClock;
  /** To read back what a compare-and-set recorded with its decision. */
  history: HistoryStore;
  conflicts: ConflictStore;
}

function exchangeLink(itemId = uniqueId('AAMk')): NewLink {
  return { mailbox: MAILBOX, objectType: 'appointment', exchange: { itemId, changeKey: 'CK1', folderId: 'cal' }, state: 'pending-crm' };
}

/** What every LinkStore must do; run against each implementation with a fresh store. */
export function describeLinkStoreContract(name: string, fixture: () => LinkStoreFixture): void {
  describe(`LinkStore contract: ${name}`, () => {
    it('creates a link at version 0 that reads back whole, and is a valid SyncLink', async () => {
      const { store, clock } = fixture();
      const input: NewLink = {
        ...exchangeLink(),
        crm: { recordId: uniqueId('rec'), version: '7', luid: 'luid-1' },
        base: appointment,
        state: 'active',
      };
      const { link, created } = await store.createOrGetLink(input);
      expect(created).toBe(true);
      expect(link).toMatchObject({ ...input, version: 0, updatedAt: clock.now().toISOString(), createdAt: clock.now().toISOString() });
      expect(syncLinkSchema.parse(link)).toBeTruthy();
      expect(await store.getLink(link.id)).toEqual(link);
      expect(await store.findByExchangeId(MAILBOX, 'appointment', input.exchange!.itemId)).toEqual(link);
      expect(await store.findByCrmId(MAILBOX, 'appointment', input.crm!.recordId)).toEqual(link);
    });

    it('keeps a caller-chosen id and finds nothing for unknown or malformed ids', async () => {
      const { store } = fixture();
      const id = crypto.randomUUID();
      const { link } = await store.createOrGetLink({ ...exchangeLink(), id });
      expect(link.id).toBe(id);
      expect(await store.getLink(crypto.randomUUID())).toBeNull();
      expect(await store.getLink('not-a-uuid')).toBeNull();
      expect(await store.findByExchangeId(MAILBOX, 'appointment', 'nope')).toBeNull();
      expect(await store.findByCrmId(MAILBOX, 'appointment', 'nope')).toBeNull();
    });

    it('returns the existing link for the same Exchange item, CRM record or id', async () => {
      const { store } = fixture();
      const first = await store.createOrGetLink({ ...exchangeLink(), crm: { recordId: uniqueId('rec'), version: '1' } });
      const again = [
        await store.createOrGetLink({ ...exchangeLink(first.link.exchange!.itemId), state: 'active' }),
        await store.createOrGetLink({ mailbox: MAILBOX, objectType: 'appointment', crm: first.link.crm!, state: 'pending-exchange' }),
        await store.createOrGetLink({ ...exchangeLink(), id: first.link.id }),
      ];
      for (const result of again) expect(result).toEqual({ link: first.link, created: false });
    });

    it('scopes uniqueness to mailbox and object type', async () => {
      const { store } = fixture();
      const itemId = uniqueId('AAMk');
      const a = await store.createOrGetLink(exchangeLink(itemId));
      const b = await store.createOrGetLink({ ...exchangeLink(itemId), mailbox: OTHER_MAILBOX });
      const c = await store.createOrGetLink({ ...exchangeLink(itemId), objectType: 'task' });
      expect(new Set([a.link.id, b.link.id, c.link.id]).size).toBe(3);
      expect([b.created, c.created]).toEqual([true, true]);
    });

    it('gives racing creators of one item one link', async () => {
      const { store } = fixture();
      const itemId = uniqueId('AAMk');
      const results = await Promise.all(Array.from({ length: 10 }, () => store.createOrGetLink(exchangeLink(itemId))));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.link.id)).size).toBe(1);
    });

    it('compare-and-set applies a patch, bumps the version and the time; null clears a side', async () => {
      const { store, clock } = fixture();
      const { link } = await store.createOrGetLink(exchangeLink());
      clock.advance(60_000);
      const crm = { recordId: uniqueId('rec'), version: '3' };
      const updated = await store.compareAndSet(link.id, 0, { crm, base: appointment, state: 'active' });
      expect(updated).toMatchObject({ crm, base: appointment, state: 'active', version: 1, updatedAt: clock.now().toISOString() });
      expect(updated.createdAt).toBe(link.createdAt);
      const cleared = await store.compareAndSet(link.id, 1, { exchange: null, base: null });
      expect(cleared.exchange).toBeUndefined();
      expect(cleared.base).toBeUndefined();
      expect(cleared.crm).toEqual(crm);
      expect(await store.findByExchangeId(MAILBOX, 'appointment', link.exchange!.itemId)).toBeNull();
    });

    it('refuses a stale version with StaleLinkError and leaves the row alone', async () => {
      const { store } = fixture();
      const { link } = await store.createOrGetLink(exchangeLink());
      await store.compareAndSet(link.id, 0, { state: 'active' });
      const error = await store.compareAndSet(link.id, 0, { state: 'quarantined' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StaleLinkError);
      expect(error).toMatchObject({ code: 'LINK_STALE', kind: 'transient', expectedVersion: 0, actualVersion: 1 });
      expect(await store.getLink(link.id)).toMatchObject({ state: 'active', version: 1 });
    });

    it('lets exactly one of many concurrent writers win', async () => {
      const { store } = fixture();
      const { link } = await store.createOrGetLink(exchangeLink());
      const outcomes = await Promise.allSettled(
        Array.from({ length: 8 }, (_, i) => store.compareAndSet(link.id, 0, { exchange: { itemId: link.exchange!.itemId, changeKey: `CK-${i}` } })),
      );
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(won).toHaveLength(1);
      for (const o of lost) expect(o.reason).toBeInstanceOf(StaleLinkError);
      expect((await store.getLink(link.id))?.version).toBe(1);
    });

    it('rejects a patch that claims an item another link holds, and an unknown link', async () => {
      const { store } = fixture();
      const a = await store.createOrGetLink(exchangeLink());
      const b = await store.createOrGetLink(exchangeLink());
      const error = await store.compareAndSet(b.link.id, 0, { exchange: a.link.exchange! }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DuplicateLinkError);
      expect(await store.getLink(b.link.id)).toEqual(b.link);
      await expect(store.compareAndSet(crypto.randomUUID(), 0, {})).rejects.toBeInstanceOf(LinkNotFoundError);
      await expect(store.compareAndSet('42', 0, {})).rejects.toBeInstanceOf(LinkNotFoundError);
    });

    it('rejects invalid input with one clear error and writes nothing', async () => {
      const { store } = fixture();
      const bad = { mailbox: 'not-an-address', objectType: 'calendar', state: 'active', base: appointment } as unknown as NewLink;
      const error = await store.createOrGetLink(bad).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StateError);
      expect((error as StateError).code).toBe('STATE_INVALID_INPUT');
      expect((error as StateError).message).toMatch(/mailbox.*objectType/);
      const { link } = await store.createOrGetLink(exchangeLink());
      await expect(store.compareAndSet(link.id, -1, {})).rejects.toMatchObject({ code: 'STATE_INVALID_INPUT' });
      await expect(store.compareAndSet(link.id, 0, { state: 'gone' } as never)).rejects.toMatchObject({ code: 'STATE_INVALID_INPUT' });
      expect((await store.getLink(link.id))?.version).toBe(0);
    });

    it('commits a decision record with the compare-and-set that applies it, or neither', async () => {
      const { store, history, conflicts } = fixture();
      const mailbox = `${uniqueId('dec')}@demo.example`;
      const { link } = await store.createOrGetLink({ ...exchangeLink(), mailbox, crm: { recordId: uniqueId('rec'), version: '1' }, state: 'active' });
      const decision = {
        history: [{ origin: 'exchange' as const, rule: 'subject changed on both sides', action: 'MergeAndUpdateBoth' as const, outcome: 'decided' as const, cycleId: 'c2' }],
        conflicts: [{ field: 'subject', baseValue: 'a', exchangeValue: 'b', crmValue: 'c', policy: 'crm-wins', winner: 'crm' as const }],
      };
      const updated = await store.compareAndSet(link.id, 0, { base: appointment }, decision);
      expect(updated.version).toBe(1);
      expect(await history.historyFor({ mailbox, objectType: 'appointment', crmRecordId: link.crm!.recordId })).toMatchObject([
        { linkId: link.id, mailbox, objectType: 'appointment', exchangeItemId: link.exchange!.itemId, crmRecordId: link.crm!.recordId, action: 'MergeAndUpdateBoth' },
      ]);
      expect(await conflicts.listConflicts(mailbox)).toMatchObject([{ linkId: link.id, field: 'subject', winner: 'crm' }]);

      await expect(store.compareAndSet(link.id, 0, { state: 'deleted' }, decision)).rejects.toBeInstanceOf(StaleLinkError);
      const badEntry = { ...decision.history[0]!, action: 'Frobnicate' as never };
      await expect(store.compareAndSet(link.id, 1, { state: 'deleted' }, { history: [badEntry] })).rejects.toMatchObject({ code: 'STATE_INVALID_INPUT' });
      expect(await store.getLink(link.id)).toMatchObject({ version: 1, state: 'active' });
      expect(await history.historyFor({ linkId: link.id })).toHaveLength(1);
      expect(await conflicts.listConflicts(mailbox)).toHaveLength(1);
    });

    it('marks a link deleted but keeps it matched to its items', async () => {
      const { store } = fixture();
      const { link } = await store.createOrGetLink(exchangeLink());
      const deleted = await store.markDeleted(link.id, 0);
      expect(deleted).toMatchObject({ state: 'deleted', version: 1, exchange: link.exchange });
      await expect(store.markDeleted(link.id, 0)).rejects.toBeInstanceOf(StaleLinkError);
      expect(await store.createOrGetLink(exchangeLink(link.exchange!.itemId))).toEqual({ link: deleted, created: false });
    });

    it('lists one mailbox and type in id order, page by page', async () => {
      const { store } = fixture();
      const mailbox = `${uniqueId('list')}@demo.example`;
      const ids = [];
      for (let i = 0; i < 7; i++) ids.push((await store.createOrGetLink({ ...exchangeLink(), mailbox })).link.id);
      await store.createOrGetLink({ ...exchangeLink(), mailbox, objectType: 'task' });
      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      do {
        const page = await store.listLinks(mailbox, 'appointment', { after, limit: 3 });
        seen.push(...page.links.map((l) => l.id));
        after = page.next;
        pages += 1;
      } while (after);
      expect(pages).toBe(3);
      expect(seen).toEqual([...ids].sort());
    });
  });
}
