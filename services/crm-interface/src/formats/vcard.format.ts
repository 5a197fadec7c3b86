import ICAL from 'ical.js';
import type { Address, Email, Phone } from '../records/common.schema.js';
import type { Person } from '../records/person.schema.js';
import { escapeText, fold, legacyProperty, readLegacyLines, splitLegacy } from './content-lines.js';
import { unreadable } from './format.error.js';

export type VCardVersion = '2.1' | '3.0';

interface VProperty {
  name: string;
  types: string[];
  value: string | string[];
}

const PHONE_TYPES: Record<Phone['kind'], string[]> = {
  work: ['WORK', 'VOICE'],
  home: ['HOME', 'VOICE'],
  mobile: ['CELL', 'VOICE'],
  fax: ['WORK', 'FAX'],
  pager: ['PAGER'],
  assistant: ['X-ASSISTANT'],
  other: ['VOICE'],
};

function phoneKind(types: string[]): Phone['kind'] {
  if (types.includes('CELL')) return 'mobile';
  if (types.includes('FAX')) return 'fax';
  if (types.includes('PAGER')) return 'pager';
  if (types.includes('X-ASSISTANT')) return 'assistant';
  if (types.includes('HOME')) return 'home';
  if (types.includes('WORK')) return 'work';
  return 'other';
}

const placeKind = (types: string[]): 'work' | 'home' | 'other' => (types.includes('WORK') ? 'work' : types.includes('HOME') ? 'home' : 'other');

/** A person as vCard 2.1 or 3.0 (what standard SyncML clients' address books speak). */
export function encodeVCard(person: Person, version: VCardVersion): string {
  const legacy = version === '2.1';
  const line = (name: string, types: string[], value: string | string[]) => {
    const text = Array.isArray(value) ? value.map((v) => (legacy ? v.replace(/;/g, '\\;') : escapeText(v))).join(';') : value;
    const head = types.length === 0 ? name : legacy ? `${name};${types.join(';')}` : `${name};TYPE=${types.join(',')}`;
    if (legacy) return legacyProperty(head, text, !Array.isArray(value));
    return fold(`${head}:${Array.isArray(value) ? text : escapeText(text)}`);
  };
  const lines = ['BEGIN:VCARD', `VERSION:${version}`];
  lines.push(line('N', [], [person.lastName, person.firstName, '', person.salutation ?? '', '']));
  lines.push(line('FN', [], [person.firstName, person.lastName].filter(Boolean).join(' ') || (person.companyName ?? '')));
  if (person.companyName || person.department) lines.push(line('ORG', [], [person.companyName ?? '', person.department ?? '']));
  if (person.jobTitle) lines.push(line('TITLE', [], person.jobTitle));
  if (person.title) lines.push(line('X-CRM-TITLE', [], person.title));
  for (const e of person.emails) lines.push(line('EMAIL', ['INTERNET', ...(e.kind === 'other' ? [] : [e.kind.toUpperCase()])], e.address));
  for (const p of person.phones) lines.push(line('TEL', PHONE_TYPES[p.kind], p.number));
  for (const a of person.addresses)
    lines.push(line('ADR', a.kind === 'other' ? [] : [a.kind.toUpperCase()], ['', '', a.street ?? '', a.city ?? '', a.region ?? '', a.postalCode ?? '', a.country ?? '']));
  if (person.birthday) lines.push(line('BDAY', [], person.birthday));
  if (person.notes) lines.push(line('NOTE', [], person.notes));
  if (person.contactType) lines.push(line('X-CRM-CONTACT-TYPE', [], person.contactType));
  lines.push(line('UID', [], person.id), 'END:VCARD');
  return `${lines.join('\r\n')}\r\n`;
}

function propertiesOf(text: string): VProperty[] {
  if (/^VERSION:2\.1\s*$/im.test(text)) {
    const lines = readLegacyLines(text);
    return lines.map((l) => ({
      name: l.name,
      types: (l.params.TYPE ?? []).map((t) => t.toUpperCase()),
      value: ['N', 'ADR', 'ORG'].includes(l.name) ? splitLegacy(l.value) : l.value.replace(/\\;/g, ';').replace(/\r\n/g, '\n'),
    }));
  }
  let component: ICAL.Component;
  try {
    component = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch (error) {
    throw unreadable(`not a vCard: ${(error as Error).message}`);
  }
  if (component.name !== 'vcard') throw unreadable('not a vCard');
  return component.getAllProperties().map((p) => {
    const type = p.getParameter('type');
    const types = (Array.isArray(type) ? type : type ? [type] : []).flatMap((t) => String(t).split(',')).map((t) => t.toUpperCase());
    const value = p.getFirstValue();
    // ical.js leaves the `\;` that vCard 3.0 writers put into single text values.
    return { name: p.name.toUpperCase(), types, value: Array.isArray(value) ? value.map(String) : String(value ?? '').replace(/\\;/g, ';') };
  });
}

const part = (value: string | string[], index: number): string => (Array.isArray(value) ? (value[index] ?? '') : index === 0 ? value : '');
const orNull = (value: string) => (value === '' ? null : value);

/**
 * A patch of the person fields a vCard carries. ORG's company name is not a company link and is
 * ignored; fields a vCard cannot express (responsible rep, custom fields…) are left alone.
 */
export function decodeVCard(text: string): Record<string, unknown> {
  if (!/BEGIN:VCARD/i.test(text)) throw unreadable('not a vCard');
  const props = propertiesOf(text);
  const first = (name: string) => props.find((p) => p.name === name);
  const n = first('N');
  const emails: Email[] = props.filter((p) => p.name === 'EMAIL').map((p) => ({ address: part(p.value, 0).trim(), kind: placeKind(p.types) }));
  const phones: Phone[] = props.filter((p) => p.name === 'TEL').map((p) => ({ number: part(p.value, 0).trim(), kind: phoneKind(p.types) }));
  const addresses: Address[] = props
    .filter((p) => p.name === 'ADR')
    .map((p) => ({
      kind: placeKind(p.types),
      street: orNull([part(p.value, 1), part(p.value, 2)].filter(Boolean).join('\n')),
      city: orNull(part(p.value, 3)),
      region: orNull(part(p.value, 4)),
      postalCode: orNull(part(p.value, 5)),
      country: orNull(part(p.value, 6)),
    }));
  const patch: Record<string, unknown> = { emails, phones, addresses };
  if (n) Object.assign(patch, { lastName: part(n.value, 0), firstName: part(n.value, 1), salutation: orNull(part(n.value, 3)) });
  else if (first('FN')) {
    const words = part(first('FN')!.value, 0).trim().split(/\s+/);
    Object.assign(patch, { lastName: words.pop() ?? '', firstName: words.join(' ') });
  }
  const org = first('ORG');
  patch.department = org ? orNull(part(org.value, 1)) : null;
  patch.jobTitle = orNull(part(first('TITLE')?.value ?? '', 0));
  patch.title = orNull(part(first('X-CRM-TITLE')?.value ?? '', 0));
  patch.notes = orNull(part(first('NOTE')?.value ?? '', 0));
  const birthday = part(first('BDAY')?.value ?? '', 0).replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3').slice(0, 10);
  patch.birthday = orNull(birthday);
  const contactType = first('X-CRM-CONTACT-TYPE');
  if (contactType) patch.contactType = orNull(part(contactType.value, 0));
  return patch;
}
