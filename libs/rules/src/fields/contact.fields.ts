import type { DomainItemOf } from '@connector/core';
import { body, canonicalSet, compact, text, type Canonical } from '../normalize.js';
import { field, type TypeFields } from './field-spec.js';

type Contact = DomainItemOf<'contact'>;

function phoneNumber(value: string): string {
  return value.replace(/[\s\-/().]/g, '');
}

export const contactFields: TypeFields<Contact> = {
  hasExtra: true,
  fields: [
    field<Contact, 'givenName'>('givenName', text),
    field<Contact, 'surname'>('surname', text),
    field<Contact, 'displayName'>('displayName', text),
    field<Contact, 'companyName'>('companyName', text),
    field<Contact, 'jobTitle'>('jobTitle', text),
    field<Contact, 'department'>('department', text),
    // Slots are fixed in Exchange (EmailAddress1..3), so the slot is part of the value.
    field<Contact, 'emails'>('emails', (v) =>
      canonicalSet((v ?? []).map((e) => ({ slot: e.slot, address: e.address.trim().toLowerCase() }))),
    ),
    field<Contact, 'phones'>('phones', (v) => canonicalSet((v ?? []).map((p) => ({ kind: p.kind, number: phoneNumber(p.number) })))),
    field<Contact, 'addresses'>('addresses', (v) =>
      canonicalSet(
        (v ?? []).map(
          (a): Canonical =>
            compact({ kind: a.kind, street: text(a.street), city: text(a.city), state: text(a.state), postalCode: text(a.postalCode), country: text(a.country) }),
        ),
      ),
    ),
    field<Contact, 'notes'>('notes', body),
    field<Contact, 'isCompany'>('isCompany', (v) => v ?? false),
  ],
};
