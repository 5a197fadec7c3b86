import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { all, codes, first, NS, SimHarness } from '../test-support/sim-harness.test-support.js';

let sim: SimHarness;

beforeAll(async () => {
  sim = await SimHarness.start();
  await sim.mailbox('alice@test.example');
  await sim.mailbox('carla@test.example', { locale: 'de-DE' });
});

afterAll(async () => {
  expect(await sim.schema.validate()).toEqual([]);
  await sim.close();
});

const getFolder = (ids: string, shape = 'Default') =>
  `<m:GetFolder ${NS}><m:FolderShape><t:BaseShape>${shape}</t:BaseShape></m:FolderShape><m:FolderIds>${ids}</m:FolderIds></m:GetFolder>`;

describe('folders', () => {
  it('GetFolder answers distinguished ids, one message per id, with errors per id', async () => {
    const reply = await sim.ews(getFolder('<t:DistinguishedFolderId Id="inbox"/><t:DistinguishedFolderId Id="calendar"/><t:FolderId Id="AAAAAAAA"/>'));
    expect(reply.status).toBe(200);
    expect(codes(reply)).toEqual(['NoError', 'NoError', 'ErrorFolderNotFound']);
    expect(all(reply.doc, 'DisplayName').map((n) => n.text)).toEqual(['Inbox', 'Calendar']);
    expect(first(reply.doc, 'CalendarFolder')).toBeDefined();
    expect(reply.xml).toContain('<h:ServerVersionInfo');
  });

  it('localizes display names per mailbox and keeps distinguished ids working', async () => {
    const reply = await sim.ews(getFolder(['inbox', 'calendar', 'contacts', 'tasks'].map((id) => `<t:DistinguishedFolderId Id="${id}"/>`).join('')), {
      user: 'carla@test.example',
    });
    expect(all(reply.doc, 'DisplayName').map((n) => n.text)).toEqual(['Posteingang', 'Kalender', 'Kontakte', 'Aufgaben']);
  });

  it('CreateFolder, FindFolder Shallow/Deep and paging, duplicate name refused', async () => {
    const create = (name: string, parent = '<t:DistinguishedFolderId Id="inbox"/>') =>
      sim.ews(`<m:CreateFolder ${NS}><m:ParentFolderId>${parent}</m:ParentFolderId><m:Folders><t:Folder><t:DisplayName>${name}</t:DisplayName></t:Folder></m:Folders></m:CreateFolder>`);
    const crm = await create('CRM');
    expect(codes(crm)).toEqual(['NoError']);
    const crmId = first(crm.doc, 'FolderId')!.attrs.Id!;
    await create('Filed', `<t:FolderId Id="${crmId}"/>`);
    expect(codes(await create('CRM'))).toEqual(['ErrorFolderExists']);

    const find = (traversal: string, view = '') =>
      sim.ews(`<m:FindFolder ${NS} Traversal="${traversal}"><m:FolderShape><t:BaseShape>AllProperties</t:BaseShape></m:FolderShape>${view}<m:ParentFolderIds><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderIds></m:FindFolder>`);
    expect(all((await find('Shallow')).doc, 'DisplayName').map((n) => n.text)).toEqual(['CRM']);
    const deep = await find('Deep');
    expect(all(deep.doc, 'DisplayName').map((n) => n.text)).toEqual(['CRM', 'Filed']);
    const named = await find('Deep', '<m:Restriction><t:IsEqualTo><t:FieldURI FieldURI="folder:DisplayName"/><t:FieldURIOrConstant><t:Constant Value="filed"/></t:FieldURIOrConstant></t:IsEqualTo></m:Restriction>');
    expect(all(named.doc, 'DisplayName').map((n) => n.text)).toEqual(['Filed']);
    const paged = await find('Deep', '<m:IndexedPageFolderView MaxEntriesReturned="1" Offset="1" BasePoint="Beginning"/>');
    expect(first(paged.doc, 'RootFolder')!.attrs).toMatchObject({ IndexedPagingOffset: '2', TotalItemsInView: '2', IncludesLastItemInRange: 'true' });
  });

  it('SyncFolderHierarchy reports new folders once', async () => {
    const sync = (state = '') =>
      sim.ews(`<m:SyncFolderHierarchy ${NS}><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape>${state ? `<m:SyncState>${state}</m:SyncState>` : ''}</m:SyncFolderHierarchy>`);
    const initial = await sync();
    expect(all(initial.doc, 'Create').length).toBeGreaterThanOrEqual(11);
    const state = first(initial.doc, 'SyncState')!.text;
    expect(all((await sync(state)).doc, 'Create')).toHaveLength(0);
    await sim.ews(`<m:CreateFolder ${NS}><m:ParentFolderId><t:DistinguishedFolderId Id="inbox"/></m:ParentFolderId><m:Folders><t:Folder><t:DisplayName>Later</t:DisplayName></t:Folder></m:Folders></m:CreateFolder>`);
    const after = await sync(state);
    expect(all(after.doc, 'Create')).toHaveLength(1);
    expect(all(after.doc, 'Update')).toHaveLength(1); // the Inbox: its child count changed

    const laterId = first(first(after.doc, 'Create'), 'FolderId')!.attrs.Id!;
    const rename = `<m:UpdateFolder ${NS}><m:FolderChanges><t:FolderChange><t:FolderId Id="${laterId}"/><t:Updates><t:SetFolderField><t:FieldURI FieldURI="folder:DisplayName"/><t:Folder><t:DisplayName>Renamed</t:DisplayName></t:Folder></t:SetFolderField></t:Updates></t:FolderChange></m:FolderChanges></m:UpdateFolder>`;
    expect(codes(await sim.ews(rename))).toEqual(['NoError']);
    const afterRename = await sync(first(after.doc, 'SyncState')!.text);
    expect(first(first(afterRename.doc, 'Update'), 'DisplayName')).toBeUndefined(); // IdOnly shape
    const del = (id: string) => `<m:DeleteFolder ${NS} DeleteType="HardDelete"><m:FolderIds>${id}</m:FolderIds></m:DeleteFolder>`;
    expect(codes(await sim.ews(del('<t:DistinguishedFolderId Id="inbox"/>')))).toEqual(['ErrorDeleteDistinguishedFolder']);
    expect(codes(await sim.ews(del(`<t:FolderId Id="${laterId}"/>`)))).toEqual(['NoError']);
    const afterDelete = await sync(first(afterRename.doc, 'SyncState')!.text);
    expect(first(first(afterDelete.doc, 'Delete'), 'FolderId')!.attrs.Id).toBe(laterId);
    expect(codes(await sim.ews(getFolder(`<t:FolderId Id="${laterId}"/>`)))).toEqual(['ErrorFolderNotFound']);
  });
});
