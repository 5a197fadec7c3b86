import type { Contact } from '@connector/core';
import { attr, compact, items, opt, parseNative, textOf, type NativeNode } from './native-xml.js';

type PhoneKind = Contact['phones'][number]['kind'];
const PHONE_KINDS: Record<string, PhoneKind> = { work: 'business', home: 'home', mobile: 'mobile', fax: 'businessFax', other: 'other' };
const ADDRESS_KINDS: Record<string, Contact['addresses'][number]['kind']> = { work: 'business', home: 'home' };
const SLOTS = ['email1', 'email2', 'email3'] as const;

export function customFields(node: NativeNode): Record<string, string> {
  return Object.fromEntries(items(node, 'customFields', 'field').flatMap((f) => {
    const key = attr(f, 'name');
    return key ? [[key, textOf(f)]] : [];
  }));
}

/** A CRM person (native `<contact>`) as the Exchange contact the connector writes. */
export function contactFromNative(xml: string): Contact {
  const n = parseNative(xml, 'contact');
  const givenName = opt(n, 'firstName');
  const surname = opt(n, 'lastName');
  return compact<Contact>({
    type: 'contact',
    givenName,
    surname,
    displayName: [givenName, surname].filter(Boolean).join(' ') || undefined,
    companyName: opt(n, 'companyName'),
    jobTitle: opt(n, 'jobTitle'),
    department: opt(n, 'department'),
    notes: opt(n, 'notes'),
    emails: items(n, 'emails', 'email').slice(0, 3).map((e, i) => ({ slot: SLOTS[i]!, address: textOf(e) })),
    phones: items(n, 'phones', 'phone').map((p) => ({ kind: PHONE_KINDS[attr(p, 'kind') ?? ''] ?? 'other', number: textOf(p) })),
    addresses: items(n, 'addresses', 'address').map((raw) => {
      const a = typeof raw === 'object' && raw !== null ? (raw as NativeNode) : {};
      return compact({ kind: ADDRESS_KINDS[attr(raw, 'kind') ?? ''] ?? 'other', street: opt(a, 'street'), city: opt(a, 'city'), state: opt(a, 'region'), postalCode: opt(a, 'postalCode'), country: opt(a, 'country') });
    }),
    isCompany: false,
    extra: customFields(n),
  });
}
