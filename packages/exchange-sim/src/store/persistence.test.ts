import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codes, first, SimHarness } from '../test-support/sim-harness.test-support.js';
import { createItem, getItem, syncItems } from '../test-support/ews-requests.test-support.js';

const dataDir = mkdtempSync(join(tmpdir(), 'exchange-sim-'));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('persistence across a clean restart', () => {
  it('keeps mailboxes, folders, items, change keys and sync states', async () => {
    const before = await SimHarness.start({ dataDir });
    await before.mailbox('alice@test.example', { locale: 'de-DE' });
    await before.admin('POST', '/mailboxes/alice@test.example/folders', { parent: 'inbox', displayName: 'CRM' });
    const created = await before.ews(createItem(
      '<t:Message><t:Subject>kept</t:Subject><t:ExtendedProperty><t:ExtendedFieldURI PropertySetId="c11ff724-aa03-4555-9952-8fa248a11c3e" PropertyName="CrmLinkId" PropertyType="String"/><t:Value>L-9</t:Value></t:ExtendedProperty></t:Message>',
      'MessageDisposition="SaveOnly"', 'inbox'));
    const { Id, ChangeKey } = first(created.doc, 'ItemId')!.attrs as { Id: string; ChangeKey: string };
    const state = first((await before.ews(syncItems('inbox'))).doc, 'SyncState')!.text;
    expect(await before.schema.validate()).toEqual([]);
    await before.close();

    const after = await SimHarness.start({ dataDir });
    const got = await after.ews(getItem([Id], 'Default', '<t:AdditionalProperties><t:ExtendedFieldURI PropertySetId="c11ff724-aa03-4555-9952-8fa248a11c3e" PropertyName="CrmLinkId" PropertyType="String"/></t:AdditionalProperties>'));
    expect(codes(got)).toEqual(['NoError']);
    expect(first(got.doc, 'ItemId')!.attrs.ChangeKey).toBe(ChangeKey);
    expect(first(first(got.doc, 'ExtendedProperty'), 'Value')!.text).toBe('L-9');
    const noChanges = await after.ews(syncItems('inbox', state));
    expect(codes(noChanges)).toEqual(['NoError']);
    expect(first(noChanges.doc, 'Changes')!.children).toHaveLength(0);
    await after.admin('PATCH', `/items/${encodeURIComponent(Id)}`, { fields: { Subject: 'changed after restart' } });
    const delta = await after.ews(syncItems('inbox', state));
    expect(first(delta.doc, 'Changes')!.children.map((c) => c.local)).toEqual(['Update']);
    const folders = await after.admin<{ displayName: string }[]>('GET', '/mailboxes/alice@test.example/folders');
    expect(folders.body.map((f) => f.displayName)).toEqual(expect.arrayContaining(['Posteingang', 'CRM']));
    // new ids after a restart never collide with old ones
    const another = await after.ews(createItem('<t:Message><t:Subject>new</t:Subject></t:Message>'));
    expect(first(another.doc, 'ItemId')!.attrs.Id).not.toBe(Id);
    expect(await after.schema.validate()).toEqual([]);
    await after.close();
  });
});
