import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { all, codes, envelope, first, SimHarness } from '../test-support/sim-harness.test-support.js';
import { createItem, findItem, LINK_PROP, syncItems } from '../test-support/ews-requests.test-support.js';

let sim: SimHarness;

beforeAll(async () => {
  sim = await SimHarness.start();
  await sim.mailbox('alice@test.example');
});

afterAll(async () => {
  expect(await sim.schema.validate()).toEqual([]);
  await sim.close();
});

const kinds = (reply: Awaited<ReturnType<SimHarness['ews']>>) =>
  first(reply.doc, 'Changes')!.children.map((c) => c.local);

describe('SyncFolderItems', () => {
  it('pages initial sync and reports create, update, read flag and delete once each', async () => {
    const seeded = await sim.admin<{ ids: { id: string }[] }>('POST', '/mailboxes/alice@test.example/items', {
      folder: 'inbox',
      items: Array.from({ length: 7 }, (_, i) => ({ kind: 'message', fields: { Subject: `m${i}` } })),
    });
    const ids = seeded.body.ids.map((i) => i.id);
    const page1 = await sim.ews(syncItems('inbox', undefined, 5));
    expect(kinds(page1)).toEqual(['Create', 'Create', 'Create', 'Create', 'Create']);
    expect(first(page1.doc, 'IncludesLastItemInRange')!.text).toBe('false');
    const page2 = await sim.ews(syncItems('inbox', first(page1.doc, 'SyncState')!.text, 5));
    expect(kinds(page2)).toEqual(['Create', 'Create']);
    expect(first(page2.doc, 'IncludesLastItemInRange')!.text).toBe('true');
    const state = first(page2.doc, 'SyncState')!.text;
    expect(kinds(await sim.ews(syncItems('inbox', state)))).toEqual([]);

    await sim.admin('PATCH', `/items/${encodeURIComponent(ids[0]!)}`, { fields: { Subject: 'changed' } });
    await sim.admin('PATCH', `/items/${encodeURIComponent(ids[1]!)}`, { fields: { IsRead: true } });
    await sim.admin('DELETE', `/items/${encodeURIComponent(ids[2]!)}`);
    const created = await sim.admin<{ ids: { id: string }[] }>('POST', '/mailboxes/alice@test.example/items', { folder: 'inbox', items: [{ kind: 'message', fields: { Subject: 'new' } }] });
    await sim.admin('DELETE', `/items/${encodeURIComponent(created.body.ids[0]!.id)}`); // created and deleted in between: never reported
    const delta = await sim.ews(syncItems('inbox', state, 512, 'Default'));
    expect(kinds(delta)).toEqual(['Update', 'ReadFlagChange', 'Delete']);
    expect(first(first(delta.doc, 'Update'), 'Subject')!.text).toBe('changed');
    expect(first(first(delta.doc, 'ReadFlagChange'), 'IsRead')!.text).toBe('true');
    expect(first(first(delta.doc, 'Delete'), 'ItemId')!.attrs.Id).toBe(ids[2]);
    // the same state can be replayed (a client that lost the answer gets it again)
    expect(kinds(await sim.ews(syncItems('inbox', state)))).toEqual(['Update', 'ReadFlagChange', 'Delete']);
  });

  it('a move shows as delete in the source and create in the target', async () => {
    const [inbox, crm] = await Promise.all([sim.ews(syncItems('inbox')), sim.ews(syncItems('drafts'))]);
    const item = (await sim.admin<{ id: string }[]>('GET', '/mailboxes/alice@test.example/items?folder=inbox')).body[0]!;
    await sim.admin('POST', `/items/${encodeURIComponent(item.id)}/move`, { folder: 'drafts' });
    expect(kinds(await sim.ews(syncItems('inbox', first(inbox.doc, 'SyncState')!.text)))).toEqual(['Delete']);
    expect(kinds(await sim.ews(syncItems('drafts', first(crm.doc, 'SyncState')!.text)))).toEqual(['Create']);
  });

  it('refuses a damaged or foreign sync state and a page size over 512', async () => {
    const inbox = first((await sim.ews(syncItems('inbox'))).doc, 'SyncState')!.text;
    expect(codes(await sim.ews(syncItems('inbox', 'H4sIAAAAAAAEAGNgYGBgBGJOAA==')))).toEqual(['ErrorInvalidSyncStateData']);
    expect(codes(await sim.ews(syncItems('drafts', inbox)))).toEqual(['ErrorInvalidSyncStateData']);
    // deliberately schema-invalid, so sent raw (not collected for validation)
    const tooMany = await sim.ews('', { raw: envelope(syncItems('inbox', undefined, 513)) });
    expect(tooMany.status).toBe(500);
    expect(tooMany.xml).toContain('ErrorSchemaValidation');
  });
});

describe('FindItem', () => {
  it('pages with IndexedPageItemView from the beginning and the end', async () => {
    await sim.admin('POST', '/mailboxes/alice@test.example/folders', { parent: 'inbox', displayName: 'Paging' });
    await sim.admin('POST', '/mailboxes/alice@test.example/items', {
      folder: 'inbox/Paging',
      items: Array.from({ length: 25 }, (_, i) => ({ kind: 'message', fields: { Subject: `p${String(i).padStart(2, '0')}`, DateTimeReceived: `2026-01-01T00:${String(i).padStart(2, '0')}:00Z` } })),
    });
    const folder = (await sim.admin<{ id: string; displayName: string }[]>('GET', '/mailboxes/alice@test.example/folders')).body.find((f) => f.displayName === 'Paging')!.id;
    const page = (offset: number, base = 'Beginning') =>
      sim.ews(findItem(folder, {
        shape: 'Default',
        view: `<m:IndexedPageItemView MaxEntriesReturned="10" Offset="${offset}" BasePoint="${base}"/>`,
        sort: '<t:FieldOrder Order="Descending"><t:FieldURI FieldURI="item:DateTimeReceived"/></t:FieldOrder>',
      }));
    const first10 = await page(0);
    expect(first(first10.doc, 'RootFolder')!.attrs).toMatchObject({ IndexedPagingOffset: '10', TotalItemsInView: '25', IncludesLastItemInRange: 'false' });
    expect(first(first10.doc, 'Subject')!.text).toBe('p24');
    const last = await page(20);
    expect(all(last.doc, 'Message')).toHaveLength(5);
    expect(first(last.doc, 'RootFolder')!.attrs.IncludesLastItemInRange).toBe('true');
    const fromEnd = await page(0, 'End');
    expect(all(fromEnd.doc, 'Subject').map((s) => s.text)[0]).toBe('p09');
  });

  it('never returns more than 1000 items per page (EWSFindCountLimit)', async () => {
    await sim.admin('POST', '/mailboxes/alice@test.example/items', { items: Array.from({ length: 1005 }, (_, i) => ({ kind: 'contact', fields: { GivenName: `c${i}` } })) });
    const reply = await sim.ews(findItem('contacts'));
    expect(all(reply.doc, 'Contact')).toHaveLength(1000);
    expect(first(reply.doc, 'RootFolder')!.attrs).toMatchObject({ TotalItemsInView: '1005', IncludesLastItemInRange: 'false', IndexedPagingOffset: '1000' });
  });

  it('restricts by typed extended properties, date ranges and And/Or/Not', async () => {
    const linked = (link: string, received: string, count: number) =>
      `<t:Message><t:Subject>${link}</t:Subject><t:ExtendedProperty><t:ExtendedFieldURI ${LINK_PROP}/><t:Value>${link}</t:Value></t:ExtendedProperty>` +
      `<t:ExtendedProperty><t:ExtendedFieldURI DistinguishedPropertySetId="PublicStrings" PropertyId="33000" PropertyType="Integer"/><t:Value>${count}</t:Value></t:ExtendedProperty>` +
      `<t:ExtendedProperty><t:ExtendedFieldURI PropertyTag="0x0E06" PropertyType="SystemTime"/><t:Value>${received}</t:Value></t:ExtendedProperty></t:Message>`;
    await sim.ews(createItem(linked('L-1', '2026-02-01T10:00:00Z', 1) + linked('L-2', '2026-02-10T10:00:00Z', 5) + linked('L-3', '2026-03-01T10:00:00Z', 12), 'MessageDisposition="SaveOnly"', 'sentitems'));
    const subjects = async (restriction: string) =>
      all((await sim.ews(findItem('sentitems', { shape: 'Default', restriction }))).doc, 'Subject').map((s) => s.text).sort();
    const eq = (uri: string, value: string, op = 'IsEqualTo') => `<t:${op}>${uri}<t:FieldURIOrConstant><t:Constant Value="${value}"/></t:FieldURIOrConstant></t:${op}>`;
    expect(await subjects(eq(`<t:ExtendedFieldURI ${LINK_PROP}/>`, 'L-2'))).toEqual(['L-2']);
    const count = '<t:ExtendedFieldURI DistinguishedPropertySetId="PublicStrings" PropertyId="33000" PropertyType="Integer"/>';
    expect(await subjects(eq(count, '5', 'IsGreaterThanOrEqualTo'))).toEqual(['L-2', 'L-3']);
    const tag = '<t:ExtendedFieldURI PropertyTag="3590" PropertyType="SystemTime"/>';
    expect(await subjects(`<t:And>${eq(tag, '2026-02-05T00:00:00Z', 'IsGreaterThan')}${eq(tag, '2026-03-01T10:00:00Z', 'IsLessThan')}</t:And>`)).toEqual(['L-2']);
    expect(await subjects(`<t:Or>${eq(`<t:ExtendedFieldURI ${LINK_PROP}/>`, 'L-1')}<t:Not>${eq(count, '12', 'IsLessThan')}</t:Not></t:Or>`)).toEqual(['L-1', 'L-3']);
    expect(await subjects(eq('<t:FieldURI FieldURI="item:Subject"/>', 'l-3'))).toEqual(['L-3']);
  });
});
