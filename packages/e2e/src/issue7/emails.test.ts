import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Item } from '@connector/exchange-sim';
import { E2E_HOOK_TIMEOUT_MS, E2E_TEST_TIMEOUT_MS, startE2eSystem, type E2eSystem } from '../harness/e2e-system.js';
import { deliveredMail, type MailAddress } from './mail.test-support.js';

const ANN: MailAddress = { address: 'ann@e2e.example', name: 'Ann Archer' };
const LARA: MailAddress = { address: 'lara@e2e.example', name: 'Lara Large' }; // small size limit, failure folder
const GRETA: MailAddress = { address: 'greta@e2e.example', name: 'Greta Gruber' }; // German mailbox
const PAULA: MailAddress = { address: 'paula@acme.example', name: 'Paula Person' };
const STRANGER: MailAddress = { address: 'stranger@nowhere.example', name: 'Some Stranger' };
/** 27 known contacts for the many-recipients mail. */
const CONTACTS: MailAddress[] = Array.from({ length: 27 }, (_, i) => ({ address: `contact${i + 1}@acme.example`, name: `Contact ${i + 1}` }));

/** Lara's size limit: small, so that mails over it stay cheap on a loaded machine. */
const LIMIT = 300_000;
const bytes = (size: number, seed: number) => Buffer.from(Array.from({ length: size }, (_, i) => (i * 31 + seed) % 251));
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

const marker = (item: Item, name: string) => item.extended?.find((e) => e.uri.PropertyName === name)?.value;
const newMessageId = () => `<${randomUUID()}@mail.example>`;

describe('e-mails: Exchange → CRM filing', () => {
  let e2e: E2eSystem;
  let acmeId: string;
  let paulaId: string;
  const cycle = (mailbox = ANN.address) => e2e.runCycle({ mailbox, type: 'email' });
  const quiet = (mailbox = ANN.address) => e2e.assertQuietCycle({ mailbox, type: 'email' });
  const filed = (messageId: string) => e2e.crm.activities.listAll({ internetMessageId: messageId });
  const deliver = (mailbox: string, spec: Parameters<typeof deliveredMail>[0], folder = 'inbox/CRM', draft = false) =>
    e2e.exchange.seedItem(mailbox, deliveredMail(spec, { draft }), folder);

  beforeAll(async () => {
    e2e = await startE2eSystem({
      label: 'issue7_emails',
      mailboxes: [
        { smtp: ANN.address, crmUser: 'ann', displayName: ANN.name },
        { smtp: GRETA.address, crmUser: 'greta', displayName: GRETA.name, locale: 'de-DE' },
        { smtp: LARA.address, crmUser: 'lara', displayName: LARA.name },
      ],
      configOverrides: {
        mailboxes: {
          list: [
            { smtp: ANN.address, crmUser: 'ann' },
            { smtp: GRETA.address, crmUser: 'greta' },
            { smtp: LARA.address, crmUser: 'lara', overrides: { email: { maxSizeBytes: LIMIT, failureFolder: 'Failed' } } },
          ],
        },
      },
      seed: async ({ crm, exchange }) => {
        acmeId = await crm.companies.createOne({ name: 'ACME GmbH' });
        paulaId = await crm.persons.createOne({ firstName: 'Paula', lastName: 'Person', companyId: acmeId, emails: [{ address: PAULA.address, kind: 'work' }] });
        await crm.persons.create(CONTACTS.map((c, i) => ({ firstName: 'Contact', lastName: String(i + 1), companyId: acmeId, emails: [{ address: c.address, kind: 'work' }] })));
        // Ann's sync folder exists already; Greta's is created by the connector.
        const syncFolder = await exchange.createFolder(ANN.address, { displayName: 'CRM', parent: 'inbox' });
        await exchange.createFolder(ANN.address, { displayName: 'Customers', parent: syncFolder.id });
        await exchange.createFolder(LARA.address, { displayName: 'CRM', parent: 'inbox' });
      },
    });
  }, E2E_HOOK_TIMEOUT_MS);
  afterAll(() => e2e?.close(), E2E_HOOK_TIMEOUT_MS);

  it('files a mail of an unknown sender on the owner, flagged for follow-up, and marks it in Exchange', async () => {
    const messageId = newMessageId();
    const { id } = await deliver(ANN.address, { from: STRANGER, to: [ANN], subject: 'E1 enquiry', text: 'Do you sell widgets?', html: '<p>Do you sell <b>widgets</b>?</p>', messageId, importance: 'high' });
    await cycle();

    const [activity, ...others] = await filed(messageId);
    expect(others).toEqual([]);
    expect(activity).toMatchObject({
      kind: 'email', subject: 'E1 enquiry', direction: 'incoming', importance: 'high', responsibleUserId: await e2e.crm.users.userId('ann'),
      personId: null, followUp: true, organizer: expect.objectContaining({ address: STRANGER.address }),
      participants: [expect.objectContaining({ address: ANN.address, userId: await e2e.crm.users.userId('ann'), role: 'required' })],
      missingParticipants: false,
    });
    expect(activity!.bodyText).toContain('Do you sell widgets?');
    expect(activity!.bodyHtml).toContain('<b>widgets</b>');
    expect(activity!.sentAt).toBeTruthy();
    expect(activity!.receivedAt).toBeTruthy();

    const mail = await e2e.exchange.item(id);
    expect(mail.fields.Categories).toContain('CRM');
    expect(marker(mail, 'ConnectorCrmId')).toBe(activity!.id);
    await quiet();
  }, E2E_TEST_TIMEOUT_MS);

  it('links a known sender’s mail to the person and company; 30 recipients, 3 unknown, listed and flagged', async () => {
    const messageId = newMessageId();
    const unknown = ['u1@unknown.example', 'u2@unknown.example', 'u3@unknown.example'].map((address) => ({ address }));
    const to = [ANN, ...CONTACTS.slice(0, 20), unknown[0]!, unknown[1]!];
    const cc = [...CONTACTS.slice(20), unknown[2]!];
    expect(to.length + cc.length).toBe(31); // 30 recipients besides the mailbox owner
    await deliver(ANN.address, { from: PAULA, to, cc, subject: 'E2 big round', text: 'Hello all', messageId });
    await cycle();

    const [activity] = await filed(messageId);
    expect(activity).toMatchObject({
      personId: paulaId, companyId: acmeId, followUp: false, missingParticipants: true,
      unresolvedAddresses: { required: [unknown[0]!.address, unknown[1]!.address], optional: [unknown[2]!.address], unknown: [] },
    });
    expect(activity!.participants).toHaveLength(31);
    expect(activity!.participants.filter((p) => p.personId).map((p) => p.address).sort()).toEqual(CONTACTS.map((c) => c.address).sort());
    await quiet();
  }, E2E_TEST_TIMEOUT_MS);

  it('files a mail once when it is moved out and back in, or copied', async () => {
    const messageId = newMessageId();
    const { id } = await deliver(ANN.address, { from: PAULA, to: [ANN], subject: 'E3 moved around', text: 'Twice', messageId });
    await cycle();
    expect(await filed(messageId)).toHaveLength(1);

    const out = await e2e.exchange.asUser.move(id, 'inbox');
    const back = await e2e.exchange.asUser.move(out.id, 'inbox/CRM');
    await e2e.exchange.asUser.copy(back.id, 'inbox/CRM');
    await cycle();
    expect(await filed(messageId)).toHaveLength(1);
    const copies = (await e2e.exchange.items(ANN.address, 'inbox/CRM')).filter((i) => i.fields.InternetMessageId === messageId);
    expect(copies).toHaveLength(2);
    for (const copy of copies) expect(marker(copy, 'ConnectorCrmId')).toBe((await filed(messageId))[0]!.id);
    await quiet();
  }, E2E_TEST_TIMEOUT_MS);

  it('files a message delivered twice (two mails, one Message-ID) once', async () => {
    const messageId = newMessageId();
    const spec = { from: PAULA, to: [ANN], subject: 'E10 delivered twice', text: 'Same message', messageId };
    await deliver(ANN.address, spec);
    await deliver(ANN.address, spec, 'inbox/CRM/Customers');
    await cycle();
    const activities = await filed(messageId);
    expect(activities).toHaveLength(1);
    const copies = [...(await e2e.exchange.items(ANN.address, 'inbox/CRM')), ...(await e2e.exchange.items(ANN.address, 'inbox/CRM/Customers'))].filter((i) => i.fields.InternetMessageId === messageId);
    expect(copies.map((c) => marker(c, 'ConnectorCrmId'))).toEqual([activities[0]!.id, activities[0]!.id]);
    await quiet();
  }, E2E_TEST_TIMEOUT_MS);

  it('files mails from subfolders of the sync folder, at any depth', async () => {
    await e2e.exchange.createFolder(ANN.address, { displayName: 'ACME', parent: 'inbox/CRM/Customers' });
    const shallowId = newMessageId();
    const deepId = newMessageId();
    await deliver(ANN.address, { from: PAULA, to: [ANN], subject: 'E9 customers', text: 'One level down', messageId: shallowId }, 'inbox/CRM/Customers');
    await deliver(ANN.address, { from: PAULA, to: [ANN], subject: 'E9 acme', text: 'Two levels down', messageId: deepId }, 'inbox/CRM/Customers/ACME');
    await cycle();
    expect(await filed(shallowId)).toMatchObject([{ subject: 'E9 customers' }]);
    expect(await filed(deepId)).toMatchObject([{ subject: 'E9 acme' }]);
    await quiet();
  }, E2E_TEST_TIMEOUT_MS);

  it('never files drafts, nor mails outside the sync folder', async () => {
    const draftId = newMessageId();
    const inboxId = newMessageId();
    await deliver(ANN.address, { from: ANN, to: [PAULA], subject: 'E4 draft', text: 'Not yet', messageId: draftId }, 'inbox/CRM', true);
    await deliver(ANN.address, { from: PAULA, to: [ANN], subject: 'E4 inbox', text: 'Private matter', messageId: inboxId }, 'inbox');
    await cycle();
    expect(await filed(draftId)).toEqual([]);
    expect(await filed(inboxId)).toEqual([]);
    await quiet();
  }, E2E_TEST_TIMEOUT_MS);

  it('creates the sync folder under a German “Posteingang” and files from it', async () => {
    await cycle(GRETA.address);
    const folders = await e2e.exchange.folders(GRETA.address);
    const inbox = folders.find((f) => f.distinguished === 'inbox')!;
    expect(inbox.displayName).toBe('Posteingang');
    expect(folders.filter((f) => f.parentId === inbox.id && f.displayName === 'CRM')).toHaveLength(1);

    const messageId = newMessageId();
    await deliver(GRETA.address, { from: PAULA, to: [GRETA], subject: 'E5 Angebot', text: 'Guten Tag', messageId });
    await cycle(GRETA.address);
    expect(await filed(messageId)).toMatchObject([{ subject: 'E5 Angebot', responsibleUserId: await e2e.crm.users.userId('greta'), personId: paulaId }]);
    await quiet(GRETA.address);
  }, E2E_TEST_TIMEOUT_MS);

  it('links a reply that lands in the sync folder to the thread of the mail it answers', async () => {
    const originalId = newMessageId();
    await deliver(ANN.address, { from: PAULA, to: [ANN], subject: 'E6 offer', text: 'Please send an offer', messageId: originalId });
    await cycle();
    const replyId = newMessageId();
    await deliver(ANN.address, { from: ANN, to: [PAULA], subject: 'Re: E6 offer', text: 'Here it is', messageId: replyId, inReplyTo: originalId, references: [originalId] }, 'inbox/CRM');
    await cycle();
    const [original] = await filed(originalId);
    const [reply] = await filed(replyId);
    expect(original!.threadId).toBe(originalId);
    expect(reply).toMatchObject({ threadId: originalId, inReplyTo: originalId, direction: 'outgoing', personId: paulaId, followUp: false });
    await quiet();
  }, E2E_TEST_TIMEOUT_MS);

  it('stores the original message and each attachment as documents, under the size limit', async () => {
    const messageId = newMessageId();
    const attachments = [
      { name: 'offer.pdf', contentType: 'application/pdf', content: bytes(60_000, 1) },
      { name: 'prices.xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', content: bytes(40_000, 2) },
    ];
    await deliver(LARA.address, { from: PAULA, to: [LARA], subject: 'E7 with attachments', text: 'See attached', messageId, attachments });
    await cycle(LARA.address);
    const [activity] = await filed(messageId);
    expect(activity).toMatchObject({ attachmentsOmitted: false, bodyText: expect.stringContaining('See attached') });
    const documents = activity!.documents.map((d) => ({ role: d.role, fileName: d.fileName, contentType: d.contentType, size: d.size, sha256: d.sha256 }));
    expect(documents).toEqual(
      expect.arrayContaining([
        ...attachments.map((a) => ({ role: 'attachment', fileName: a.name, contentType: a.contentType, size: a.content.length, sha256: sha256(a.content) })),
        expect.objectContaining({ role: 'original-mime', fileName: 'E7 with attachments.eml', contentType: 'message/rfc822' }),
      ]),
    );
    expect(documents).toHaveLength(3);
    await quiet(LARA.address);
  }, E2E_TEST_TIMEOUT_MS);

  it('files a mail over the limit without its attachments, and fails one that does not fit even so', async () => {
    const omittedId = newMessageId();
    await deliver(LARA.address, { from: PAULA, to: [LARA], subject: 'E8 big attachment', text: 'Huge file', messageId: omittedId, attachments: [{ name: 'big.bin', contentType: 'application/octet-stream', content: bytes(LIMIT + 50_000, 3) }] });
    const failedId = newMessageId();
    const { id: failedItem } = await deliver(LARA.address, { from: PAULA, to: [LARA], subject: 'E8 huge body', text: 'x'.repeat(LIMIT + 10_000), messageId: failedId });
    const result = await e2e.runCycle({ mailbox: LARA.address, type: 'email' }, { allowFailures: true });

    expect(await filed(omittedId)).toMatchObject([{ attachmentsOmitted: true, documents: [] }]);
    expect(await filed(failedId)).toEqual([]);
    expect(JSON.stringify(result.failed['write-crm'] ?? [])).toContain('exceeds the size limit');
    const failedFolder = await e2e.exchange.items(LARA.address, 'inbox/CRM/Failed');
    expect(failedFolder.map((i) => i.fields.InternetMessageId)).toEqual([failedId]);
    expect(marker(failedFolder[0]!, 'ConnectorFailureReason')).toContain('exceeds the size limit');
    expect((await e2e.exchange.items(LARA.address, 'inbox/CRM')).some((i) => i.id === failedItem)).toBe(false);
    await quiet(LARA.address);
  }, E2E_TEST_TIMEOUT_MS);
});
