import { buffer } from 'node:stream/consumers';
import { expect, it } from 'vitest';
import { ExchangeConflictError } from '../errors/exchange.error.js';
import { mime, type EnvRef } from './contract-env.test-support.js';
import { CONTACT, ok, TASK } from './items-contract.test-support.js';

export function marksAndContentContract(env: EnvRef): void {
  it('surfaces a concurrent change as a typed conflict; overwrite forces the write', async () => {
    const mailbox = await env().newMailbox();
    const folderId = (await env().port.resolveFolder(mailbox, '/<contacts>')).folderId;
    const ref = ok((await env().port.createItems(mailbox, 'contact', folderId, [{ linkId: 'conflict-1', item: CONTACT }]))[0]);
    await env().userEdit(ref.itemId, { JobTitle: 'Changed in Outlook' });
    const stale = (await env().port.updateItems(mailbox, 'contact', [{ ref, item: { ...CONTACT, jobTitle: 'From CRM' }, changedFields: ['jobTitle'] }]))[0];
    expect(stale?.ok).toBe(false);
    if (stale?.ok === false) {
      expect(stale.error).toBeInstanceOf(ExchangeConflictError);
      expect(stale.error).toMatchObject({ code: 'EXCHANGE_CONFLICT', kind: 'transient' });
    }
    const forced = (await env().port.updateItems(mailbox, 'contact', [{ ref, item: { ...CONTACT, jobTitle: 'From CRM' }, changedFields: ['jobTitle'] }], { conflict: 'overwrite' }))[0];
    ok(forced);
    expect(ok((await env().port.getItems(mailbox, 'contact', [ref.itemId]))[0]).item.jobTitle).toBe('From CRM');
  });

  it('finds an item by its link id (idempotent retried create), and nothing for an unknown one', async () => {
    const mailbox = await env().newMailbox();
    const folderId = (await env().port.resolveFolder(mailbox, '/<tasks>')).folderId;
    const refs = (await env().port.createItems(mailbox, 'task', folderId, [
      { linkId: '2f0c8d4e-1111-4a5b-9c3d-000000000001', item: TASK },
      { linkId: '2f0c8d4e-1111-4a5b-9c3d-000000000002', item: { ...TASK, subject: 'other' } },
    ])).map(ok);
    expect(await env().port.findByLinkId(mailbox, folderId, '2f0c8d4e-1111-4a5b-9c3d-000000000002')).toEqual(refs[1]);
    expect(await env().port.findByLinkId(mailbox, folderId, '2f0c8d4e-1111-4a5b-9c3d-00000000000f')).toBeUndefined();
  });

  it('marks a filed mail (category, CRM id), clears a failure reason, reads marks, and moves it', async () => {
    const mailbox = await env().newMailbox();
    await env().port.resolveFolder(mailbox, '/<inbox>/CRM', { create: true });
    const failed = await env().port.resolveFolder(mailbox, '/<inbox>/CRM/Failed', { create: true });
    const [id] = await env().deliverMessages(mailbox, 'inbox/CRM', [mime({ from: 'a@ext.example', to: mailbox, subject: 'Offer', id: 'mark-1@ext.example' })]);
    const first = (await env().port.readMarks(mailbox, [id!])).map(ok)[0]!;
    const failedRef = await env().port.markItem(mailbox, first.ref, { properties: { failureReason: 'CRM timeout' } });
    const filed = await env().port.markItem(mailbox, failedRef, { addCategories: ['CRM filed'], properties: { crmId: 'ACT-42', failureReason: null } });
    expect(filed.changeKey).not.toBe(first.ref.changeKey);
    const again = await env().port.markItem(mailbox, filed, { addCategories: ['CRM filed'] });
    expect(again).toEqual(filed);
    const marks = ok((await env().port.readMarks(mailbox, [id!]))[0]);
    expect(marks).toEqual({ ref: filed, categories: ['CRM filed'], markers: { crmId: 'ACT-42' } });
    const moved = await env().port.moveItem(mailbox, id!, failed.folderId);
    expect(moved.itemId).not.toBe(id);
    expect(ok((await env().port.readMarks(mailbox, [moved.itemId]))[0]).markers).toEqual({ crmId: 'ACT-42' });
    expect((await env().port.readMarks(mailbox, [id!]))[0]).toMatchObject({ ok: false, error: { code: 'EXCHANGE_ITEM_NOT_FOUND' } });
  });

  it('reads a mail as the domain e-mail and streams its attachments', async () => {
    const mailbox = await env().newMailbox();
    const raw = mime({
      from: 'Dana Diaz <dana@acme.example>', to: `Owner <${mailbox}>`, subject: 'Re: Offer', id: 'reply-1@acme.example', body: 'Thanks!',
      extraHeaders: 'Cc: eve@acme.example\r\nIn-Reply-To: <offer-1@own.example>\r\nReferences: <start-0@own.example> <offer-1@own.example>\r\n',
    });
    const pdf = Buffer.from(Array.from({ length: 69_999 }, (_, i) => i % 251));
    const [id] = await env().deliverMessages(mailbox, 'inbox', [{ mime: raw, attachments: [{ name: 'offer.pdf', contentType: 'application/pdf', content: pdf }] }]);
    const email = ok((await env().port.getItems(mailbox, 'email', [id!]))[0]).item;
    expect(email).toMatchObject({
      type: 'email', internetMessageId: '<reply-1@acme.example>', subject: 'Re: Offer', direction: 'incoming', isDraft: false,
      from: { address: 'dana@acme.example', name: 'Dana Diaz' }, cc: [{ address: 'eve@acme.example' }],
      inReplyTo: '<offer-1@own.example>', references: ['<start-0@own.example>', '<offer-1@own.example>'],
    });
    expect(email.to.map((a) => a.address.toLowerCase())).toEqual([mailbox.toLowerCase()]);
    expect(email.sizeBytes).toBeGreaterThan(0);
    expect(email.attachments).toEqual([expect.objectContaining({ fileName: 'offer.pdf', contentType: 'application/pdf', sizeBytes: pdf.length, isInline: false })]);
    const content = await buffer(await env().port.openAttachmentStream(mailbox, email.attachments[0]!.id));
    expect(content.equals(pdf)).toBe(true);
  });
}
