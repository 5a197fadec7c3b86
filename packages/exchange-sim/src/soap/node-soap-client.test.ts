import * as soap from 'soap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimHarness } from '../test-support/sim-harness.test-support.js';

/*
 * An independent, generic SOAP client (node-soap) builds its proxy from our own Services.wsdl
 * and the EWS schemas, and talks to the simulator without any EWS-specific code.
 */
let sim: SimHarness;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- node-soap's generated client is untyped
let client: any;

const T = 'http://schemas.microsoft.com/exchange/services/2006/types';

beforeAll(async () => {
  sim = await SimHarness.start();
  await sim.mailbox('alice@test.example');
  client = await soap.createClientAsync(`${sim.url}/EWS/Services.wsdl`);
  client.setSecurity(new soap.BasicAuthSecurity('alice@test.example', 'pass'));
  client.addSoapHeader({ RequestServerVersion: { attributes: { Version: 'Exchange2013_SP1' } } }, '', 't', T);
  client.on('request', (xml: string) => sim.schema.add('request', 'node-soap', xml));
  client.on('response', (xml: string) => sim.schema.add('response', 'node-soap', xml));
}, 60_000);

afterAll(async () => {
  expect(await sim.schema.validate()).toEqual([]);
  await sim.close();
});

const attr = (o: { attributes: Record<string, string> }) => o.attributes;

const ITEMS: { name: string; element: string; folder: string; item: Record<string, unknown>; fieldUri: string }[] = [
  { name: 'message', element: 'Message', folder: 'inbox', fieldUri: 'item:Subject', item: { Subject: 'Hello', Body: { attributes: { BodyType: 'Text' }, $value: 'Hi' }, ToRecipients: { Mailbox: [{ EmailAddress: 'bob@test.example' }] } } },
  { name: 'calendar item', element: 'CalendarItem', folder: 'calendar', fieldUri: 'item:Subject', item: { Subject: 'Visit', Start: '2026-05-04T08:00:00Z', End: '2026-05-04T09:00:00Z', Location: 'Berlin' } },
  { name: 'contact', element: 'Contact', folder: 'contacts', fieldUri: 'item:Subject', item: { Subject: 'Dana', GivenName: 'Dana', CompanyName: 'Corp', Surname: 'Diaz' } },
  { name: 'task', element: 'Task', folder: 'tasks', fieldUri: 'item:Subject', item: { Subject: 'Call', DueDate: '2026-05-05T17:00:00Z', Status: 'InProgress' } },
];

describe('node-soap, generated from our WSDL', () => {
  it('FindFolder lists the message folders', async () => {
    const [res] = await client.FindFolderAsync({ attributes: { Traversal: 'Shallow' }, FolderShape: { BaseShape: 'Default' }, ParentFolderIds: { DistinguishedFolderId: { attributes: { Id: 'msgfolderroot' } } } });
    const message = res.ResponseMessages.FindFolderResponseMessage;
    expect(message.ResponseCode).toBe('NoError');
    const names = [].concat(...Object.values(message.RootFolder.Folders).map((v) => [].concat(v as never))).map((f: { DisplayName: string }) => f.DisplayName);
    expect(names).toEqual(expect.arrayContaining(['Inbox', 'Calendar', 'Contacts', 'Tasks']));
  });

  for (const spec of ITEMS) {
    it(`creates, reads, updates, syncs and deletes a ${spec.name}`, async () => {
      const [created] = await client.CreateItemAsync({
        attributes: { MessageDisposition: 'SaveOnly', SendMeetingInvitations: 'SendToNone' },
        SavedItemFolderId: { DistinguishedFolderId: { attributes: { Id: spec.folder } } },
        Items: { [spec.element]: spec.item },
      });
      const createMessage = created.ResponseMessages.CreateItemResponseMessage;
      expect(createMessage.ResponseCode).toBe('NoError');
      const id = attr(createMessage.Items[spec.element].ItemId);

      const [got] = await client.GetItemAsync({ ItemShape: { BaseShape: 'AllProperties' }, ItemIds: { ItemId: { attributes: { Id: id.Id } } } });
      expect(got.ResponseMessages.GetItemResponseMessage.Items[spec.element].Subject).toBe(spec.item.Subject);

      const [updated] = await client.UpdateItemAsync({
        attributes: { ConflictResolution: 'NeverOverwrite', MessageDisposition: 'SaveOnly', SendMeetingInvitationsOrCancellations: 'SendToNone' },
        ItemChanges: { ItemChange: { ItemId: { attributes: id }, Updates: { SetItemField: { FieldURI: { attributes: { FieldURI: spec.fieldUri } }, [spec.element]: { Subject: 'Renamed' } } } } },
      });
      const updateMessage = updated.ResponseMessages.UpdateItemResponseMessage;
      expect(updateMessage.ResponseCode).toBe('NoError');
      expect(attr(updateMessage.Items[spec.element].ItemId).ChangeKey).not.toBe(id.ChangeKey);

      const [synced] = await client.SyncFolderItemsAsync({ ItemShape: { BaseShape: 'Default' }, SyncFolderId: { DistinguishedFolderId: { attributes: { Id: spec.folder } } }, MaxChangesReturned: 100 });
      const syncMessage = synced.ResponseMessages.SyncFolderItemsResponseMessage;
      expect(syncMessage.ResponseCode).toBe('NoError');
      expect([].concat(syncMessage.Changes.Create).map((c: Record<string, { Subject: string }>) => c[spec.element]!.Subject)).toContain('Renamed');

      const [deleted] = await client.DeleteItemAsync({
        attributes: { DeleteType: 'HardDelete', SendMeetingCancellations: 'SendToNone', AffectedTaskOccurrences: 'AllOccurrences' },
        ItemIds: { ItemId: { attributes: { Id: id.Id } } },
      });
      expect(deleted.ResponseMessages.DeleteItemResponseMessage.ResponseCode).toBe('NoError');
      const [after] = await client.SyncFolderItemsAsync({ ItemShape: { BaseShape: 'IdOnly' }, SyncFolderId: { DistinguishedFolderId: { attributes: { Id: spec.folder } } }, SyncState: syncMessage.SyncState, MaxChangesReturned: 100 });
      expect(attr(after.ResponseMessages.SyncFolderItemsResponseMessage.Changes.Delete.ItemId).Id).toBe(id.Id);
    });
  }
});
