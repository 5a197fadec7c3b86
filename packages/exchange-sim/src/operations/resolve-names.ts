import { childText, type XNode } from '../xml/xml-node.js';
import { el, textEl } from '../xml/xml-write.js';
import { ewsError } from '../soap/ews-error.js';
import { renderOperationResponse } from '../soap/envelope.js';
import { errorMessage, successMessage, warningMessage } from '../soap/response-message.js';
import type { OpContext } from './context.js';

interface Candidate {
  name: string;
  email: string;
  type: 'Mailbox' | 'Contact';
  itemId?: string;
}

function candidates(ctx: OpContext, entry: string): Candidate[] {
  const query = entry.replace(/^smtp:/i, '').trim().toLowerCase();
  const out: Candidate[] = [];
  for (const m of ctx.store.mailboxes.values()) {
    if (m.smtp.startsWith(query) || m.displayName.toLowerCase().startsWith(query)) out.push({ name: m.displayName, email: m.smtp, type: 'Mailbox' });
  }
  const contactsId = ctx.mailbox.distinguished.get('contacts');
  for (const item of contactsId ? ctx.store.itemsIn(contactsId) : []) {
    const emails = Object.values((item.fields.EmailAddresses as Record<string, string> | undefined) ?? {});
    const name = String(item.fields.DisplayName ?? [item.fields.GivenName, item.fields.Surname].filter(Boolean).join(' '));
    const hit = emails.find((e) => e.toLowerCase().replace(/^smtp:/, '').startsWith(query));
    if (hit || (name && name.toLowerCase().startsWith(query))) {
      out.push({ name, email: (hit ?? emails[0] ?? '').replace(/^smtp:/i, ''), type: 'Contact', itemId: item.id });
    }
  }
  return out;
}

function resolution(c: Candidate, full: boolean): string {
  const mailbox =
    `<t:Mailbox>${textEl('t:Name', c.name)}${textEl('t:EmailAddress', c.email)}${textEl('t:RoutingType', 'SMTP')}` +
    `${textEl('t:MailboxType', c.type)}${c.itemId ? el('t:ItemId', { Id: c.itemId }) : ''}</t:Mailbox>`;
  const contact = full
    ? `<t:Contact>${textEl('t:DisplayName', c.name)}<t:EmailAddresses>${textEl('t:Entry', `SMTP:${c.email}`, { Key: 'EmailAddress1' })}</t:EmailAddresses>` +
      `${textEl('t:ContactSource', c.type === 'Mailbox' ? 'ActiveDirectory' : 'Store')}</t:Contact>`
    : '';
  return `<t:Resolution>${mailbox}${contact}</t:Resolution>`;
}

export function resolveNames(req: XNode, ctx: OpContext): string {
  const entry = childText(req, 'UnresolvedEntry');
  if (!entry) throw ewsError('ErrorSchemaValidation', 'UnresolvedEntry is required.', true);
  const full = req.attrs.ReturnFullContactData === 'true';
  const found = candidates(ctx, entry).slice(0, 100);
  if (found.length === 0) {
    return renderOperationResponse('ResolveNames', errorMessage('ResolveNamesResponseMessage', ewsError('ErrorNameResolutionNoResults')));
  }
  const set = el('m:ResolutionSet', { TotalItemsInView: found.length, IncludesLastItemInRange: true }, found.map((c) => resolution(c, full)).join(''));
  const message = found.length === 1
    ? successMessage('ResolveNamesResponseMessage', set)
    : warningMessage('ResolveNamesResponseMessage', 'ErrorNameResolutionMultipleResults', 'Multiple results were found.', set);
  return renderOperationResponse('ResolveNames', message);
}
