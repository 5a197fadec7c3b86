import { randomUUID } from 'node:crypto';
import type { Item } from '../store/model.js';
import type { ParsedItem } from '../items/item-xml.js';
import { summarizeMime } from '../items/mime.js';
import { ewsError } from '../soap/ews-error.js';

const PR_MESSAGE_FLAGS = 'tag:3591';
const MSGFLAG_READ = 0x1;
const MSGFLAG_UNSENT = 0x8;

/** Fills in what Exchange derives on create: MIME headers, draft/read flags, calendar UID. */
export function completeNewItem(parsed: ParsedItem, options: { draft: boolean }): void {
  const f = parsed.fields;
  if (parsed.kind === 'message') {
    if (parsed.mime) {
      const mime = summarizeMime(parsed.mime);
      if (f.Subject === undefined && mime.subject !== undefined) f.Subject = mime.subject;
      if (f.From === undefined && mime.from) f.From = mime.from;
      if (f.Sender === undefined && mime.from) f.Sender = mime.from;
      if (f.ToRecipients === undefined && mime.to.length) f.ToRecipients = mime.to;
      if (f.CcRecipients === undefined && mime.cc.length) f.CcRecipients = mime.cc;
      if (f.InternetMessageId === undefined && mime.messageId) f.InternetMessageId = mime.messageId;
      if (f.InReplyTo === undefined && mime.inReplyTo) f.InReplyTo = mime.inReplyTo;
      if (f.References === undefined && mime.references) f.References = mime.references;
      if (mime.date) f.DateTimeSent = mime.date;
      if (f.Body === undefined && mime.body) f.Body = mime.body;
    }
    // Like Exchange, PR_MESSAGE_FLAGS decides draft and read state of an item created in a folder.
    const flags = parsed.extended?.find((e) => e.key === PR_MESSAGE_FLAGS);
    if (flags) {
      const value = Number(flags.value);
      f.IsDraft = (value & MSGFLAG_UNSENT) !== 0;
      if (f.IsRead === undefined) f.IsRead = (value & MSGFLAG_READ) !== 0;
    } else {
      f.IsDraft = options.draft;
    }
    f.InternetMessageId ??= `<${randomUUID().replace(/-/g, '')}@exchange-sim.local>`;
  }
  if (parsed.kind === 'calendar') {
    if (!f.Start || !f.End) throw ewsError('ErrorSchemaValidation', 'A calendar item needs Start and End.', true);
    if (Date.parse(String(f.End)) < Date.parse(String(f.Start))) throw ewsError('ErrorCalendarEndDateIsEarlierThanStartDate');
    f.UID ??= randomUUID().replace(/-/g, '').toUpperCase();
    if (f.StartTimeZone && !f.EndTimeZone) f.EndTimeZone = f.StartTimeZone;
  }
}

export function recipientsOf(item: Pick<Item, 'fields'>): string[] {
  const lists = ['ToRecipients', 'CcRecipients', 'BccRecipients', 'RequiredAttendees', 'OptionalAttendees', 'Resources'];
  return lists.flatMap((name) => ((item.fields[name] as { email: string }[] | undefined) ?? []).map((r) => r.email));
}
