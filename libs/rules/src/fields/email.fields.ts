import type { DomainItemOf, EmailAddress } from '@connector/core';
import { address, body, instant, stringSet, text, type Canonical } from '../normalize.js';
import { field, type TypeFields } from './field-spec.js';

type Email = DomainItemOf<'email'>;

function addresses(list: readonly EmailAddress[] | undefined): Canonical {
  return stringSet((list ?? []).map((a) => a.address), address);
}

/** What an e-mail activity is filed with; the CRM copy is never written back to Exchange. */
export const emailFields: TypeFields<Email> = {
  hasExtra: false,
  fields: [
    field<Email, 'internetMessageId'>('internetMessageId', text),
    field<Email, 'subject'>('subject', text),
    field<Email, 'bodyText'>('bodyText', body),
    field<Email, 'bodyHtml'>('bodyHtml', body),
    field<Email, 'sentAt'>('sentAt', instant),
    field<Email, 'receivedAt'>('receivedAt', instant),
    field<Email, 'direction'>('direction', (v) => v),
    field<Email, 'importance'>('importance', (v) => v ?? 'normal'),
    field<Email, 'sensitivity'>('sensitivity', (v) => v ?? 'normal'),
    field<Email, 'from'>('from', (v) => address(v?.address)),
    field<Email, 'to'>('to', addresses),
    field<Email, 'cc'>('cc', addresses),
    field<Email, 'bcc'>('bcc', addresses),
  ],
};
