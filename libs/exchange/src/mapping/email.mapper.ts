import { BodyType, EmailMessage, EmailMessageSchema, ItemSchema, type Attachment, type EmailAddressCollection, type Item } from 'ews-javascript-api';
import type { Email, EmailAddress } from '@connector/core';
import { compact } from './contact.mapper.js';
import { epochOf, formatInZone, importanceFromEws, safe, sensitivityFromEws, toAddress } from './ews-values.js';
import type { TypeMapper } from './type-mapper.js';

const m = (item: Item) => item as EmailMessage;

function addresses(list: () => EmailAddressCollection | null | undefined): EmailAddress[] {
  const items = safe(() => list()?.GetEnumerator()) ?? [];
  return items.map((x) => toAddress(x)).filter((x): x is EmailAddress => x !== undefined);
}

/** Message ids as written in References / In-Reply-To: `<a@b> <c@d>`. */
export function messageIds(value: string | null | undefined): string[] {
  return value ? (value.match(/<[^<>\s]+>/g) ?? value.split(/\s+/).filter(Boolean)) : [];
}

function attachmentsOf(item: Item): Email['attachments'] {
  const list: Attachment[] = safe(() => item.Attachments.GetEnumerator()) ?? [];
  return list.map((att) => ({
    id: att.Id,
    fileName: att.Name ?? '',
    contentType: att.ContentType || (att.constructor.name === 'ItemAttachment' ? 'message/rfc822' : 'application/octet-stream'),
    sizeBytes: att.Size ?? 0,
    isInline: att.IsInline ?? false,
  }));
}

/** Mails are read-only for the connector: they flow Exchange → CRM, only markers are written back. */
export const emailMapper: TypeMapper<'email'> = {
  type: 'email',
  properties: (ctx) => [
    ItemSchema.Subject, ItemSchema.Body, ItemSchema.TextBody, ItemSchema.DateTimeSent, ItemSchema.DateTimeReceived, ItemSchema.Importance,
    ItemSchema.Sensitivity, ItemSchema.IsDraft, ItemSchema.Size, ItemSchema.Categories, ItemSchema.Attachments, ItemSchema.InReplyTo,
    EmailMessageSchema.From, EmailMessageSchema.ToRecipients, EmailMessageSchema.CcRecipients, EmailMessageSchema.BccRecipients,
    EmailMessageSchema.InternetMessageId, EmailMessageSchema.References, ...ctx.props.markerDefinitions,
  ],
  newItem: (service) => new EmailMessage(service),
  fromEws(item, ctx) {
    const x = m(item);
    const from = toAddress(safe(() => x.From));
    const body = safe(() => x.Body);
    const html = body && body.BodyType === BodyType.HTML ? body.Text || undefined : undefined;
    const text = safe(() => x.TextBody?.Text) || (body && body.BodyType === BodyType.Text ? body.Text : undefined) || undefined;
    const at = (ms: number | undefined) => (ms === undefined ? undefined : formatInZone(ms, 'UTC'));
    return compact({
      type: 'email' as const,
      internetMessageId: safe(() => x.InternetMessageId) || `<ews-${item.Id.UniqueId}>`,
      subject: safe(() => x.Subject) ?? '',
      bodyText: text,
      bodyHtml: html,
      sentAt: at(epochOf(safe(() => x.DateTimeSent))),
      receivedAt: at(epochOf(safe(() => x.DateTimeReceived))),
      direction: from && from.address.toLowerCase() === ctx.mailbox.toLowerCase() ? 'outgoing' : 'incoming',
      importance: importanceFromEws(safe(() => x.Importance)),
      sensitivity: sensitivityFromEws(safe(() => x.Sensitivity)),
      from,
      to: addresses(() => x.ToRecipients),
      cc: addresses(() => x.CcRecipients),
      bcc: addresses(() => x.BccRecipients),
      isDraft: safe(() => x.IsDraft) ?? false,
      inReplyTo: messageIds(safe(() => x.InReplyTo))[0],
      references: messageIds(safe(() => x.References)),
      categories: safe(() => x.Categories?.GetEnumerator()) ?? [],
      sizeBytes: safe(() => x.Size) ?? 0,
      attachments: attachmentsOf(item),
    }) as Email;
  },
  writers: {},
};
