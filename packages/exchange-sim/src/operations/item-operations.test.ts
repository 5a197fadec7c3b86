import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { all, codes, first, NS, SimHarness } from '../test-support/sim-harness.test-support.js';
import { createItem, deleteItem, getItem, LINK_PROP, setField, updateItem } from '../test-support/ews-requests.test-support.js';

let sim: SimHarness;

beforeAll(async () => {
  sim = await SimHarness.start();
  await sim.mailbox('alice@test.example', { displayName: 'Alice' });
  await sim.mailbox('bob@test.example', { displayName: 'Bob' });
});

afterAll(async () => {
  expect(await sim.schema.validate()).toEqual([]);
  await sim.close();
});

const idOf = (reply: Awaited<ReturnType<SimHarness['ews']>>) => first(reply.doc, 'ItemId')!.attrs as { Id: string; ChangeKey: string };

describe('messages', () => {
  it('stores MIME, reads headers from it and returns it as base64 MimeContent', async () => {
    const mime = Buffer.from(
      'From: "Dana Diaz" <dana@customer.example>\r\nTo: Alice <alice@test.example>, bob@test.example\r\nCc: =?utf-8?B?SsO8cmdlbg==?= <juergen@x.example>\r\n' +
        'Subject: =?utf-8?Q?Gr=C3=BC=C3=9Fe?=\r\nMessage-ID: <m1@customer.example>\r\nDate: Tue, 03 Mar 2026 10:00:00 +0100\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello\r\n',
    ).toString('base64');
    const created = await sim.ews(createItem(`<t:Message><t:MimeContent CharacterSet="UTF-8">${mime}</t:MimeContent><t:ExtendedProperty><t:ExtendedFieldURI PropertyTag="0x0E07" PropertyType="Integer"/><t:Value>1</t:Value></t:ExtendedProperty></t:Message>`, 'MessageDisposition="SaveOnly"', 'inbox'));
    expect(codes(created)).toEqual(['NoError']);
    const got = await sim.ews(getItem([idOf(created).Id], 'AllProperties', '<t:IncludeMimeContent>true</t:IncludeMimeContent>'));
    const message = first(got.doc, 'Message')!;
    expect(first(message, 'Subject')!.text).toBe('Grüße');
    expect(first(first(message, 'From'), 'EmailAddress')!.text).toBe('dana@customer.example');
    expect(all(first(message, 'ToRecipients'), 'EmailAddress').map((n) => n.text)).toEqual(['alice@test.example', 'bob@test.example']);
    expect(first(first(message, 'CcRecipients'), 'Name')!.text).toBe('Jürgen');
    expect(first(message, 'InternetMessageId')!.text).toBe('<m1@customer.example>');
    expect(first(message, 'IsDraft')!.text).toBe('false');
    expect(first(message, 'IsRead')!.text).toBe('true');
    expect(first(message, 'MimeContent')!.text).toBe(mime);
    expect(first(message, 'DateTimeSent')!.text).toBe('2026-03-03T09:00:00Z');
    const asProperty = await sim.ews(getItem([idOf(created).Id], 'IdOnly', '<t:AdditionalProperties><t:FieldURI FieldURI="item:MimeContent"/></t:AdditionalProperties>'));
    expect(first(asProperty.doc, 'MimeContent')!.text).toBe(mime);
  });

  it('SaveOnly makes a draft in Drafts; SendAndSaveCopy delivers to internal recipients and keeps a sent copy', async () => {
    const draft = await sim.ews(createItem('<t:Message><t:Subject>Draft</t:Subject><t:Body BodyType="Text">x</t:Body></t:Message>'));
    const got = await sim.ews(getItem([idOf(draft).Id], 'Default'));
    expect(first(got.doc, 'IsDraft')!.text).toBe('true');
    const sent = await sim.ews(createItem(
      '<t:Message><t:Subject>Hi Bob</t:Subject><t:Sensitivity>Private</t:Sensitivity><t:Body BodyType="HTML">&lt;p&gt;Hi&lt;/p&gt;</t:Body><t:Categories><t:String>CRM</t:String></t:Categories><t:ToRecipients><t:Mailbox><t:EmailAddress>bob@test.example</t:EmailAddress></t:Mailbox></t:ToRecipients></t:Message>',
      'MessageDisposition="SendAndSaveCopy"',
    ));
    expect(codes(sent)).toEqual(['NoError']);
    expect(all(sent.doc, 'ItemId')).toHaveLength(0);
    const bobInbox = await sim.admin<{ fields: Record<string, unknown> }[]>('GET', '/mailboxes/bob@test.example/items?folder=inbox');
    expect(bobInbox.body.map((i) => i.fields.Subject)).toContain('Hi Bob');
    const aliceSent = await sim.admin<{ fields: Record<string, unknown> }[]>('GET', '/mailboxes/alice@test.example/items?folder=sentitems');
    expect(aliceSent.body[0]!.fields).toMatchObject({ Subject: 'Hi Bob', Sensitivity: 'Private', Categories: ['CRM'], IsDraft: false });
    expect((await sim.admin<unknown[]>('GET', '/outbox')).body.length).toBeGreaterThanOrEqual(1);
  });

  it('SendItem sends a saved draft and files it in Sent Items', async () => {
    const draft = await sim.ews(createItem('<t:Message><t:Subject>Later</t:Subject><t:ToRecipients><t:Mailbox><t:EmailAddress>bob@test.example</t:EmailAddress></t:Mailbox></t:ToRecipients></t:Message>'));
    const send = `<m:SendItem ${NS} SaveItemToFolder="true"><m:ItemIds><t:ItemId Id="${idOf(draft).Id}"/></m:ItemIds></m:SendItem>`;
    expect(codes(await sim.ews(send))).toEqual(['NoError']);
    const sent = await sim.admin<{ fields: Record<string, unknown> }[]>('GET', '/mailboxes/alice@test.example/items?folder=sentitems');
    expect(sent.body.find((i) => i.fields.Subject === 'Later')!.fields.IsDraft).toBe(false);
    const bob = await sim.admin<{ fields: Record<string, unknown> }[]>('GET', '/mailboxes/bob@test.example/items?folder=inbox');
    expect(bob.body.map((i) => i.fields.Subject)).toContain('Later');
  });

  it('requires MessageDisposition for messages', async () => {
    const reply = await sim.ews(createItem('<t:Message><t:Subject>x</t:Subject></t:Message>', ''));
    expect(codes(reply)).toEqual(['ErrorMessageDispositionRequired']);
  });
});

describe('contacts, tasks and extended properties', () => {
  it('round-trips a contact with dictionaries and updates one indexed entry', async () => {
    const created = await sim.ews(createItem(
      `<t:Contact><t:ExtendedProperty><t:ExtendedFieldURI ${LINK_PROP}/><t:Value>link-1</t:Value></t:ExtendedProperty><t:GivenName>Dana</t:GivenName><t:CompanyName>Customer Corp</t:CompanyName>` +
        '<t:EmailAddresses><t:Entry Key="EmailAddress1">dana@customer.example</t:Entry><t:Entry Key="EmailAddress2">d@home.example</t:Entry></t:EmailAddresses>' +
        '<t:PhysicalAddresses><t:Entry Key="Business"><t:Street>Hauptstr. 1</t:Street><t:City>Berlin</t:City><t:PostalCode>10115</t:PostalCode></t:Entry></t:PhysicalAddresses>' +
        '<t:PhoneNumbers><t:Entry Key="BusinessPhone">+49 30 1</t:Entry><t:Entry Key="MobilePhone">+49 170 2</t:Entry></t:PhoneNumbers>' +
        '<t:JobTitle>Buyer</t:JobTitle><t:Surname>Diaz</t:Surname></t:Contact>',
    ));
    const { Id, ChangeKey } = idOf(created);
    const update = await sim.ews(updateItem(Id, ChangeKey,
      '<t:SetItemField><t:IndexedFieldURI FieldURI="contacts:PhysicalAddress:City" FieldIndex="Business"/><t:Contact><t:PhysicalAddresses><t:Entry Key="Business"><t:City>Hamburg</t:City></t:Entry></t:PhysicalAddresses></t:Contact></t:SetItemField>' +
        '<t:DeleteItemField><t:IndexedFieldURI FieldURI="contacts:EmailAddress" FieldIndex="EmailAddress2"/></t:DeleteItemField>' +
        setField('contacts:JobTitle', 'Contact', '<t:JobTitle>Head of Purchasing</t:JobTitle>')));
    expect(codes(update)).toEqual(['NoError']);
    expect(idOf(update).ChangeKey).not.toBe(ChangeKey);
    const got = await sim.ews(getItem([Id], 'AllProperties', `<t:AdditionalProperties><t:ExtendedFieldURI ${LINK_PROP}/></t:AdditionalProperties>`));
    const contact = first(got.doc, 'Contact')!;
    expect(first(contact, 'FileAs')!.text).toBe('Diaz, Dana');
    expect(first(contact, 'City')!.text).toBe('Hamburg');
    expect(first(contact, 'Street')!.text).toBe('Hauptstr. 1');
    expect(all(first(contact, 'EmailAddresses'), 'Entry').map((e) => e.attrs.Key)).toEqual(['EmailAddress1']);
    expect(first(contact, 'JobTitle')!.text).toBe('Head of Purchasing');
    expect(first(first(contact, 'ExtendedProperty'), 'Value')!.text).toBe('link-1');
  });

  it('round-trips a task and derives IsComplete', async () => {
    const created = await sim.ews(createItem('<t:Task><t:Subject>Call back</t:Subject><t:Importance>High</t:Importance><t:DueDate>2026-12-01T17:00:00Z</t:DueDate><t:PercentComplete>50</t:PercentComplete><t:StartDate>2026-11-20T08:00:00Z</t:StartDate><t:Status>InProgress</t:Status></t:Task>'));
    const { Id, ChangeKey } = idOf(created);
    await sim.ews(updateItem(Id, ChangeKey, setField('task:Status', 'Task', '<t:Status>Completed</t:Status>') + setField('task:CompleteDate', 'Task', '<t:CompleteDate>2026-11-30T10:00:00Z</t:CompleteDate>')));
    const task = first((await sim.ews(getItem([Id]))).doc, 'Task')!;
    expect(first(task, 'IsComplete')!.text).toBe('true');
    expect(first(task, 'Importance')!.text).toBe('High');
    expect(first(task, 'CompleteDate')!.text).toBe('2026-11-30T10:00:00Z');
  });

  it('IdOnly and Default shapes, not found and malformed ids per item', async () => {
    const created = await sim.ews(createItem('<t:Task><t:Subject>Shape</t:Subject></t:Task>'));
    const { Id } = idOf(created);
    const idOnly = await sim.ews(getItem([Id, 'AAMkAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'not an id!'], 'IdOnly'));
    expect(codes(idOnly)).toEqual(['NoError', 'ErrorItemNotFound', 'ErrorInvalidIdMalformed']);
    expect(first(first(idOnly.doc, 'Task'), 'Subject')).toBeUndefined();
  });
});

describe('UpdateItem conflicts, DeleteItem, MoveItem, CopyItem, attachments, ResolveNames', () => {
  it('honours ConflictResolution with change keys', async () => {
    const created = await sim.ews(createItem('<t:Message><t:Subject>v1</t:Subject><t:Importance>Low</t:Importance></t:Message>'));
    const v1 = idOf(created);
    const subject = (s: string) => setField('item:Subject', 'Message', `<t:Subject>${s}</t:Subject>`);
    const importance = setField('item:Importance', 'Message', '<t:Importance>High</t:Importance>');
    expect(codes(await sim.ews(updateItem(v1.Id, v1.ChangeKey, subject('v2'))))).toEqual(['NoError']);
    const never = 'ConflictResolution="NeverOverwrite" MessageDisposition="SaveOnly"';
    expect(codes(await sim.ews(updateItem(v1.Id, v1.ChangeKey, importance, never)))).toEqual(['ErrorIrresolvableConflict']);
    expect(codes(await sim.ews(updateItem(v1.Id, v1.ChangeKey, subject('v3'))))).toEqual(['ErrorIrresolvableConflict']);
    expect(codes(await sim.ews(updateItem(v1.Id, v1.ChangeKey, importance)))).toEqual(['NoError']);
    expect(codes(await sim.ews(updateItem(v1.Id, v1.ChangeKey, subject('v4'), 'ConflictResolution="AlwaysOverwrite" MessageDisposition="SaveOnly"')))).toEqual(['NoError']);
    expect(codes(await sim.ews(updateItem(v1.Id, 'bm90IGEga2V5', subject('v5'))))).toEqual(['ErrorInvalidChangeKey']);
    const got = first((await sim.ews(getItem([v1.Id]))).doc, 'Message')!;
    expect([first(got, 'Subject')!.text, first(got, 'Importance')!.text]).toEqual(['v4', 'High']);
  });

  it('appends to fields, refuses read-only ones and sets IsRead', async () => {
    const { Id } = idOf(await sim.ews(createItem('<t:Message><t:Subject>a</t:Subject><t:Body BodyType="Text">one</t:Body></t:Message>')));
    const append = '<t:AppendToItemField><t:FieldURI FieldURI="item:Body"/><t:Message><t:Body BodyType="Text"> two</t:Body></t:Message></t:AppendToItemField>';
    expect(codes(await sim.ews(updateItem(Id, undefined, append + setField('message:IsRead', 'Message', '<t:IsRead>true</t:IsRead>'))))).toEqual(['NoError']);
    expect(codes(await sim.ews(updateItem(Id, undefined, setField('item:Size', 'Message', '<t:Size>5</t:Size>'))))).toEqual(['ErrorInvalidPropertySet']);
    const got = first((await sim.ews(getItem([Id]))).doc, 'Message')!;
    expect(first(got, 'Body')!.text).toBe('one two');
    expect(first(got, 'IsRead')!.text).toBe('true');
  });

  it('deletes hard, soft and to Deleted Items; moves and copies with new ids', async () => {
    const make = async (s: string) => idOf(await sim.ews(createItem(`<t:Message><t:Subject>${s}</t:Subject></t:Message>`, 'MessageDisposition="SaveOnly"', 'inbox'))).Id;
    const [a, b, c, d] = [await make('a'), await make('b'), await make('c'), await make('d')];
    expect(codes(await sim.ews(deleteItem([a], 'HardDelete')))).toEqual(['NoError']);
    expect(codes(await sim.ews(deleteItem([b], 'MoveToDeletedItems')))).toEqual(['NoError']);
    expect(codes(await sim.ews(deleteItem([c, a], 'SoftDelete')))).toEqual(['NoError', 'ErrorItemNotFound']);
    const deleted = await sim.admin<{ fields: { Subject: string } }[]>('GET', '/mailboxes/alice@test.example/items?folder=deleteditems');
    expect(deleted.body.map((i) => i.fields.Subject)).toEqual(['b']);
    const moved = await sim.ews(`<m:MoveItem ${NS}><m:ToFolderId><t:DistinguishedFolderId Id="drafts"/></m:ToFolderId><m:ItemIds><t:ItemId Id="${d}"/></m:ItemIds></m:MoveItem>`);
    const newId = idOf(moved).Id;
    expect(newId).not.toBe(d);
    const copied = await sim.ews(`<m:CopyItem ${NS}><m:ToFolderId><t:DistinguishedFolderId Id="inbox"/></m:ToFolderId><m:ItemIds><t:ItemId Id="${newId}"/></m:ItemIds></m:CopyItem>`);
    expect(codes(copied)).toEqual(['NoError']);
    expect(codes(await sim.ews(getItem([d, newId, idOf(copied).Id], 'IdOnly')))).toEqual(['ErrorItemNotFound', 'NoError', 'NoError']);
  });

  it('creates and gets file attachments', async () => {
    const { Id } = idOf(await sim.ews(createItem('<t:Message><t:Subject>att</t:Subject></t:Message>')));
    const content = Buffer.from('%PDF-1.4 fake').toString('base64');
    const created = await sim.ews(`<m:CreateAttachment ${NS}><m:ParentItemId Id="${Id}"/><m:Attachments><t:FileAttachment><t:Name>offer.pdf</t:Name><t:ContentType>application/pdf</t:ContentType><t:Content>${content}</t:Content></t:FileAttachment></m:Attachments></m:CreateAttachment>`);
    const attachmentId = first(created.doc, 'AttachmentId')!.attrs.Id!;
    const got = await sim.ews(`<m:GetAttachment ${NS}><m:AttachmentIds><t:AttachmentId Id="${attachmentId}"/><t:AttachmentId Id="AAAA"/></m:AttachmentIds></m:GetAttachment>`);
    expect(codes(got)).toEqual(['NoError', 'ErrorInvalidAttachmentId']);
    expect(first(got.doc, 'Content')!.text).toBe(content);
    const item = first((await sim.ews(getItem([Id]))).doc, 'Message')!;
    expect(first(item, 'HasAttachments')!.text).toBe('true');
    const removed = await sim.ews(`<m:DeleteAttachment ${NS}><m:AttachmentIds><t:AttachmentId Id="${attachmentId}"/></m:AttachmentIds></m:DeleteAttachment>`);
    expect(codes(removed)).toEqual(['NoError']);
    expect(first(removed.doc, 'RootItemId')!.attrs.RootItemId).toBe(Id);
    expect(first(first((await sim.ews(getItem([Id]))).doc, 'Message'), 'HasAttachments')!.text).toBe('false');
  });

  it('ResolveNames finds mailboxes and contacts', async () => {
    const resolve = (entry: string) => sim.ews(`<m:ResolveNames ${NS} ReturnFullContactData="true"><m:UnresolvedEntry>${entry}</m:UnresolvedEntry></m:ResolveNames>`);
    const bob = await resolve('bob@test.example');
    expect(codes(bob)).toEqual(['NoError']);
    expect(first(bob.doc, 'EmailAddress')!.text).toBe('bob@test.example');
    expect(codes(await resolve('nobody'))).toEqual(['ErrorNameResolutionNoResults']);
    expect(codes(await resolve('SMTP:'))).toEqual(['ErrorNameResolutionMultipleResults']);
  });
});
