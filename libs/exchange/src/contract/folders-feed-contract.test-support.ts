import { expect, it } from 'vitest';
import { InvalidSyncStateError } from '../errors/exchange.error.js';
import type { ItemChange } from '../exchange.port.js';
import { mime, type EnvRef } from './contract-env.test-support.js';

async function drain(env: EnvRef, mailbox: string, folderId: string, syncState: string | undefined, maxChanges: number) {
  const changes: ItemChange[] = [];
  const pages: number[] = [];
  let state = syncState;
  for (;;) {
    const page = await env().port.syncFolderItems(mailbox, { folderId, syncState: state, maxChanges });
    changes.push(...page.changes);
    pages.push(page.changes.length);
    state = page.syncState;
    if (!page.moreAvailable) return { changes, pages, syncState: state };
  }
}

export function foldersAndFeedContract(env: EnvRef): void {
  it('resolves /<inbox>/CRM in a German mailbox by role, creates it once, then finds it', async () => {
    const mailbox = await env().newMailbox({ locale: 'de-DE' });
    const inbox = await env().port.resolveFolder(mailbox, '/<inbox>');
    expect(inbox.displayName).toBe('Posteingang');
    const created = await env().port.resolveFolder(mailbox, '/<inbox>/CRM/Filed', { create: true });
    expect(created).toMatchObject({ displayName: 'Filed', created: true, path: '/<inbox>/CRM/Filed' });
    const again = await env().port.resolveFolder(mailbox, '/<inbox>/crm/Filed', { create: true });
    expect(again).toMatchObject({ folderId: created.folderId, created: false });
    const contacts = await env().port.resolveFolder(mailbox, '/<contacts>/CRM Contacts', { create: true });
    expect(contacts.created).toBe(true);
    const calendar = await env().port.resolveFolder(mailbox, '/<calendar>');
    expect(calendar.displayName).toBe('Kalender');
  });

  it('lists every folder below a folder, at any depth, with its parent', async () => {
    const mailbox = await env().newMailbox();
    const crm = await env().port.resolveFolder(mailbox, '/<inbox>/CRM', { create: true });
    const customers = await env().port.resolveFolder(mailbox, '/<inbox>/CRM/Customers', { create: true });
    const acme = await env().port.resolveFolder(mailbox, '/<inbox>/CRM/Customers/ACME', { create: true });
    const below = await env().port.listSubfolders(mailbox, crm.folderId);
    expect(below).toHaveLength(2);
    expect(below).toEqual(
      expect.arrayContaining([
        { folderId: customers.folderId, parentId: crm.folderId, displayName: 'Customers' },
        { folderId: acme.folderId, parentId: customers.folderId, displayName: 'ACME' },
      ]),
    );
    expect(await env().port.listSubfolders(mailbox, acme.folderId)).toEqual([]);
  });

  it('reports a missing folder without creating it, and refuses paths without a distinguished root', async () => {
    const mailbox = await env().newMailbox();
    await expect(env().port.resolveFolder(mailbox, '/<tasks>/Nope')).rejects.toMatchObject({ code: 'EXCHANGE_FOLDER_NOT_FOUND' });
    await expect(env().port.resolveFolder(mailbox, '/Inbox/CRM')).rejects.toMatchObject({ code: 'EXCHANGE_BAD_INPUT' });
    await expect(env().port.resolveFolder(mailbox, '/<tasks>/Nope')).rejects.toMatchObject({ code: 'EXCHANGE_FOLDER_NOT_FOUND' });
  });

  it('pages a folder change feed: every item exactly once, then only what changed', async () => {
    const mailbox = await env().newMailbox();
    const folder = await env().port.resolveFolder(mailbox, '/<inbox>/CRM', { create: true });
    const ids = await env().deliverMessages(mailbox, 'inbox/CRM', Array.from({ length: 25 }, (_, i) => mime({ from: 'x@ext.example', to: mailbox, subject: `m${i}`, id: `feed-${i}@ext.example` })));
    const first = await drain(env, mailbox, folder.folderId, undefined, 10);
    expect(first.pages).toEqual([10, 10, 5]);
    expect(first.changes.every((c) => c.kind === 'created')).toBe(true);
    expect(new Set(first.changes.map((c) => c.itemId))).toEqual(new Set(ids));
    const quiet = await drain(env, mailbox, folder.folderId, first.syncState, 512);
    expect(quiet.changes).toEqual([]);

    await env().userEdit(ids[3]!, { Subject: 'edited' });
    await env().port.deleteItems(mailbox, [ids[7]!]);
    const next = await drain(env, mailbox, folder.folderId, quiet.syncState, 512);
    expect(next.changes).toEqual(
      expect.arrayContaining([
        { kind: 'updated', itemId: ids[3], changeKey: expect.any(String) },
        { kind: 'deleted', itemId: ids[7] },
      ]),
    );
    expect(next.changes).toHaveLength(2);
  });

  it('reports a mail that was only read as a read-flag change', async () => {
    const mailbox = await env().newMailbox();
    const folder = await env().port.resolveFolder(mailbox, '/<inbox>');
    const [id] = await env().deliverMessages(mailbox, 'inbox', [mime({ from: 'x@ext.example', to: mailbox, subject: 'read me', id: 'read-1@ext.example' })]);
    const first = await drain(env, mailbox, folder.folderId, undefined, 512);
    await env().userEdit(id!, { IsRead: true });
    const next = await drain(env, mailbox, folder.folderId, first.syncState, 512);
    expect(next.changes).toEqual([{ kind: 'readFlag', itemId: id, isRead: true }]);
  });

  it('rejects page sizes over 512 and a sync state the server does not accept', async () => {
    const mailbox = await env().newMailbox();
    const folder = await env().port.resolveFolder(mailbox, '/<inbox>');
    await expect(env().port.syncFolderItems(mailbox, { folderId: folder.folderId, maxChanges: 513 })).rejects.toMatchObject({ code: 'EXCHANGE_BAD_INPUT' });
    const bad = env().port.syncFolderItems(mailbox, { folderId: folder.folderId, syncState: 'bm90IGEgc3luYyBzdGF0ZQ==' });
    await expect(bad).rejects.toBeInstanceOf(InvalidSyncStateError);
    await expect(bad).rejects.toMatchObject({ code: 'EXCHANGE_INVALID_SYNC_STATE', kind: 'permanent' });
  });
}
