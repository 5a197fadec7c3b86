import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCrm, type TestCrm } from '../crm.test-support.js';
import { EmailFiling } from './email-filing.js';

const message = (attachment: Buffer) =>
  [
    'From: Paula <paula@acme.example>', 'To: alice@demo.example', 'Subject: Offer', 'Message-ID: <m1@acme.example>', 'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b"', '', '--b', 'Content-Type: text/plain; charset=utf-8', '', 'See attached.', '--b',
    'Content-Type: application/pdf; name="offer.pdf"', 'Content-Disposition: attachment; filename="offer.pdf"', 'Content-Transfer-Encoding: base64', '',
    attachment.toString('base64'), '--b--', '',
  ].join('\r\n');

describe('EmailFiling', () => {
  let crm: TestCrm;
  let filing: EmailFiling;
  let paulaId: string;
  let acmeId: string;
  beforeAll(async () => {
    crm = await createTestCrm('email_filing');
    filing = new EmailFiling(crm.db, crm.data.documents);
    acmeId = (await crm.data.datastore('companies').create(crm.alice, { name: 'ACME' })).record.id;
    paulaId = (await crm.data.datastore('contacts').create(crm.alice, { firstName: 'Paula', lastName: 'P', companyId: acmeId, emails: [{ kind: 'work', address: 'paula@acme.example' }] })).record.id;
  });
  afterAll(() => crm?.close());

  it('puts a mail on the sender’s person and company, else flags it; outgoing mails on the first matching To', async () => {
    expect(await filing.prepare({ organizer: { address: 'PAULA@acme.example' }, direction: 'incoming' })).toMatchObject({ personId: paulaId, companyId: acmeId });
    expect(await filing.prepare({ organizer: { address: 'nobody@x.example' }, direction: 'incoming' })).toMatchObject({ followUp: true });
    const outgoing = await filing.prepare({ organizer: { address: 'alice@demo.example' }, direction: 'outgoing', participants: [{ address: 'x@y.example', role: 'required' }, { address: 'paula@acme.example', role: 'required' }] });
    expect(outgoing).toMatchObject({ personId: paulaId });
    expect(await filing.prepare({ personId: null, organizer: { address: 'paula@acme.example' } })).toEqual({ personId: null, organizer: { address: 'paula@acme.example' } });
  });

  it('joins a reply to the thread of the filed mail it answers, else starts one', async () => {
    const emails = crm.data.datastore('emails');
    await emails.create(crm.alice, await filing.prepare({ kind: 'email', subject: 'Q', internetMessageId: '<q@acme.example>' }));
    expect(await filing.prepare({ internetMessageId: '<r@demo.example>', inReplyTo: '<q@acme.example>' })).toMatchObject({ threadId: '<q@acme.example>' });
    expect(await filing.prepare({ internetMessageId: '<s@demo.example>', references: ['<unknown@x>', '<q@acme.example>'] })).toMatchObject({ threadId: '<q@acme.example>' });
    expect(await filing.prepare({ internetMessageId: '<t@demo.example>' })).toMatchObject({ threadId: '<t@demo.example>' });
  });

  it('stores the original and each attachment once, and returns the bodies', async () => {
    const pdf = Buffer.from(Array.from({ length: 200_000 }, (_, i) => i % 256));
    const mime = Buffer.from(message(pdf)).toString('base64');
    const { record } = await crm.data.datastore('emails').create(crm.alice, { kind: 'email', subject: 'Offer', internetMessageId: '<m1@acme.example>' });
    expect(await filing.storeDocuments(crm.alice, record, mime)).toMatchObject({ text: expect.stringContaining('See attached.') });
    const stored = (await crm.data.datastore('emails').get(crm.alice, record.id))!;
    expect(stored.documents.map((d) => [d.role, d.fileName, d.contentType, d.size])).toEqual([
      ['attachment', 'offer.pdf', 'application/pdf', pdf.length],
      ['original-mime', 'Offer.eml', 'message/rfc822', Buffer.from(mime, 'base64').length],
    ]);
    expect(stored.documents[0]!.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
    expect(await filing.storeDocuments(crm.alice, stored, mime)).toEqual({});
    expect((await crm.data.datastore('emails').get(crm.alice, record.id))!.documents).toHaveLength(2);
  });
});
