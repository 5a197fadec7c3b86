import { child, childrenNamed, type XNode } from '../xml/xml-node.js';
import { el, esc, textEl } from '../xml/xml-write.js';
import { ewsError } from '../soap/ews-error.js';
import { ianaFor, localToUtc } from '../calendar/timezones.js';

/** How one property's value moves between XML and the stored JSON form. */
export interface Codec {
  parse(node: XNode): unknown;
  render(name: string, value: unknown): string;
}

export interface Recipient {
  name?: string;
  email: string;
  routingType?: string;
}

export interface Attendee extends Recipient {
  response?: string;
  lastResponseTime?: string;
}

export const text: Codec = {
  parse: (n) => n.text,
  render: (name, v) => textEl(`t:${name}`, String(v)),
};

export const bool: Codec = {
  parse: (n) => {
    const v = n.text.trim();
    if (v !== 'true' && v !== 'false' && v !== '1' && v !== '0') throw ewsError('ErrorSchemaValidation', `'${v}' is not a boolean.`, true);
    return v === 'true' || v === '1';
  },
  render: (name, v) => textEl(`t:${name}`, v ? 'true' : 'false'),
};

export const int: Codec = {
  parse: (n) => {
    const v = Number(n.text.trim());
    if (!Number.isInteger(v)) throw ewsError('ErrorSchemaValidation', `'${n.text}' is not an integer.`, true);
    return v;
  },
  render: (name, v) => textEl(`t:${name}`, String(v)),
};

export const double: Codec = {
  parse: (n) => {
    const v = Number(n.text.trim());
    if (!Number.isFinite(v)) throw ewsError('ErrorSchemaValidation', `'${n.text}' is not a number.`, true);
    return v;
  },
  render: (name, v) => textEl(`t:${name}`, String(v)),
};

let requestZone: string | undefined;

/**
 * Runs one request's handler with its TimeZoneContext: like Exchange, a dateTime without an
 * offset is read in that zone (UTC without one). Handlers are synchronous, so this cannot leak.
 */
export function withRequestTimeZone<T>(windowsId: string | undefined, run: () => T): T {
  requestZone = windowsId;
  try {
    return run();
  } finally {
    requestZone = undefined;
  }
}

/** xs:dateTime in, UTC "…Z" out (Exchange answers in UTC). */
export function normalizeDateTime(value: string): string {
  const trimmed = value.trim();
  const hasZone = /([zZ]|[+-]\d\d:\d\d)$/.test(trimmed);
  let ms = Date.parse(hasZone ? trimmed : `${trimmed}Z`);
  if (Number.isNaN(ms)) throw ewsError('ErrorSchemaValidation', `'${value}' is not a valid dateTime.`, true);
  if (!hasZone && requestZone) ms = localToUtc(ms, ianaFor(requestZone));
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export const dateTime: Codec = {
  parse: (n) => normalizeDateTime(n.text),
  render: (name, v) => textEl(`t:${name}`, String(v)),
};

export const body: Codec = {
  parse: (n) => ({ type: n.attrs.BodyType ?? 'Text', value: n.text }),
  render: (name, v) => {
    const b = v as { type: string; value: string };
    return textEl(`t:${name}`, b.value, { BodyType: b.type, IsTruncated: 'false' });
  },
};

export const strings: Codec = {
  parse: (n) => childrenNamed(n, 'String').map((s) => s.text),
  render: (name, v) => el(`t:${name}`, undefined, (v as string[]).map((s) => textEl('t:String', s)).join('')),
};

export function parseMailbox(node: XNode | undefined): Recipient {
  const email = child(node, 'EmailAddress')?.text ?? '';
  const name = child(node, 'Name')?.text;
  const routingType = child(node, 'RoutingType')?.text;
  return { email, ...(name !== undefined ? { name } : {}), ...(routingType ? { routingType } : {}) };
}

/** A t:Mailbox; `internal` says whether the address is a mailbox of this server. */
export function renderMailbox(r: Recipient, internal?: (email: string) => boolean): string {
  const name = r.name ?? r.email;
  const type = internal?.(r.email) ? 'Mailbox' : 'OneOff';
  return (
    `<t:Mailbox>${textEl('t:Name', name)}${r.email ? textEl('t:EmailAddress', r.email) : ''}` +
    `${textEl('t:RoutingType', r.routingType ?? 'SMTP')}${textEl('t:MailboxType', type)}</t:Mailbox>`
  );
}

export const singleRecipient: Codec = {
  parse: (n) => parseMailbox(child(n, 'Mailbox')),
  render: (name, v) => el(`t:${name}`, undefined, renderMailbox(v as Recipient)),
};

export const recipients: Codec = {
  parse: (n) => childrenNamed(n, 'Mailbox').map(parseMailbox),
  render: (name, v) => el(`t:${name}`, undefined, (v as Recipient[]).map((r) => renderMailbox(r)).join('')),
};

export const attendees: Codec = {
  parse: (n) =>
    childrenNamed(n, 'Attendee').map((a): Attendee => {
      const response = child(a, 'ResponseType')?.text;
      return { ...parseMailbox(child(a, 'Mailbox')), ...(response ? { response } : {}) };
    }),
  render: (name, v) => {
    const list = v as Attendee[];
    if (list.length === 0) return '';
    const inner = list
      .map((a) => {
        const time = a.lastResponseTime ? textEl('t:LastResponseTime', a.lastResponseTime) : '';
        return `<t:Attendee>${renderMailbox(a)}${textEl('t:ResponseType', a.response ?? 'Unknown')}${time}</t:Attendee>`;
      })
      .join('');
    return el(`t:${name}`, undefined, inner);
  },
};

export const timeZone: Codec = {
  parse: (n) => ({ id: n.attrs.Id ?? '', ...(n.attrs.Name ? { name: n.attrs.Name } : {}) }),
  render: (name, v) => {
    const tz = v as { id: string; name?: string };
    return el(`t:${name}`, { Id: tz.id, Name: tz.name ?? tz.id });
  },
};

/** Contact dictionaries (EmailAddresses, PhoneNumbers): { Key: value }. */
export const stringDictionary: Codec = {
  parse: (n) => Object.fromEntries(childrenNamed(n, 'Entry').map((e) => [e.attrs.Key ?? '', e.text])),
  render: (name, v) => {
    const entries = Object.entries(v as Record<string, string>).filter(([, value]) => value !== '');
    if (entries.length === 0) return '';
    return el(`t:${name}`, undefined, entries.map(([key, value]) => textEl('t:Entry', value, { Key: key })).join(''));
  },
};

const ADDRESS_PARTS = ['Street', 'City', 'State', 'CountryOrRegion', 'PostalCode'] as const;

export const addressDictionary: Codec = {
  parse: (n) =>
    Object.fromEntries(
      childrenNamed(n, 'Entry').map((e) => [
        e.attrs.Key ?? '',
        Object.fromEntries(ADDRESS_PARTS.flatMap((p) => (child(e, p) ? [[p, child(e, p)!.text]] : []))),
      ]),
    ),
  render: (name, v) => {
    const entries = Object.entries(v as Record<string, Record<string, string>>);
    if (entries.length === 0) return '';
    const inner = entries
      .map(([key, parts]) => {
        const body = ADDRESS_PARTS.filter((p) => parts[p] !== undefined).map((p) => textEl(`t:${p}`, parts[p]!)).join('');
        return `<t:Entry Key="${esc(key)}">${body}</t:Entry>`;
      })
      .join('');
    return el(`t:${name}`, undefined, inner);
  },
};
