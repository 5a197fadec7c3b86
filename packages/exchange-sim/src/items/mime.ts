import type { Item } from '../store/model.js';
import type { Recipient } from './codecs.js';

export interface MimeSummary {
  subject?: string;
  from?: Recipient;
  to: Recipient[];
  cc: Recipient[];
  messageId?: string;
  inReplyTo?: string;
  references?: string;
  date?: string;
  body?: { type: 'HTML' | 'Text'; value: string };
}

/** RFC 2047 encoded words (=?utf-8?B?…?= and =?…?Q?…?=). */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_m, charset: string, enc: string, data: string) => {
      const bytes = enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64')
        : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-Fa-f]{2})/g, (_x, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1');
      return new TextDecoder(/^utf-?8$/i.test(charset) ? 'utf-8' : charset.toLowerCase() === 'iso-8859-1' ? 'latin1' : 'utf-8').decode(bytes);
    });
}

export function parseAddressList(value: string | undefined): Recipient[] {
  if (!value) return [];
  const out: Recipient[] = [];
  for (const part of value.match(/("[^"]*"|[^,])+/g) ?? []) {
    const match = /^\s*(?:"?([^"<]*?)"?\s*)?<([^>]+)>\s*$/.exec(part);
    if (match) out.push({ email: match[2]!.trim(), ...(match[1]?.trim() ? { name: decodeWords(match[1].trim()) } : {}) });
    else if (part.includes('@')) out.push({ email: part.trim() });
  }
  return out;
}

/** Headers (unfolded, names lower-cased) and the raw body of an RFC 5322 message. */
export function splitMessage(raw: string): { headers: Map<string, string>; body: string } {
  const boundary = raw.search(/\r?\n\r?\n/);
  const head = boundary === -1 ? raw : raw.slice(0, boundary);
  const body = boundary === -1 ? '' : raw.slice(boundary).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      const name = line.slice(0, colon).trim().toLowerCase();
      if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
    }
  }
  return { headers, body };
}

function firstTextPart(headers: Map<string, string>, body: string): MimeSummary['body'] {
  const type = headers.get('content-type') ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (boundary && /^multipart\//i.test(type)) {
    for (const part of body.split(`--${boundary}`).slice(1)) {
      const { headers: h, body: b } = splitMessage(part.replace(/^\r?\n/, ''));
      const found = firstTextPart(h, b);
      if (found) return found;
    }
    return undefined;
  }
  if (!/^text\//i.test(type)) return undefined;
  const encoding = (headers.get('content-transfer-encoding') ?? '').toLowerCase();
  let value = body;
  if (encoding === 'base64') value = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    value = Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  }
  return { type: /html/i.test(type) ? 'HTML' : 'Text', value: value.trimEnd() };
}

export function summarizeMime(base64: string): MimeSummary {
  const { headers, body } = splitMessage(Buffer.from(base64, 'base64').toString('utf8'));
  const h = (name: string) => (headers.has(name) ? decodeWords(headers.get(name)!) : undefined);
  const date = h('date');
  return {
    subject: h('subject'),
    from: parseAddressList(headers.get('from'))[0],
    to: parseAddressList(headers.get('to')),
    cc: parseAddressList(headers.get('cc')),
    messageId: h('message-id'),
    inReplyTo: h('in-reply-to'),
    references: h('references'),
    date: date && !Number.isNaN(Date.parse(date)) ? new Date(Date.parse(date)).toISOString().replace(/\.\d{3}Z$/, 'Z') : undefined,
    body: firstTextPart(headers, body),
  };
}

function encodeWord(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : `=?utf-8?B?${Buffer.from(value).toString('base64')}?=`;
}

function addressList(list: unknown): string {
  return ((list as Recipient[] | undefined) ?? []).map((r) => (r.name ? `${encodeWord(r.name)} <${r.email}>` : r.email)).join(', ');
}

/** MIME for an item that was not created from MIME, built from its properties. */
export function generateMime(item: Item, owner: Recipient): string {
  const f = item.fields;
  const from = (f.From as Recipient | undefined) ?? (f.Organizer as Recipient | undefined) ?? owner;
  const body = f.Body as { type: string; value: string } | undefined;
  const lines = [
    `From: ${addressList([from])}`,
    ...(f.ToRecipients || f.RequiredAttendees ? [`To: ${addressList(f.ToRecipients ?? f.RequiredAttendees)}`] : []),
    ...(f.CcRecipients || f.OptionalAttendees ? [`Cc: ${addressList(f.CcRecipients ?? f.OptionalAttendees)}`] : []),
    `Subject: ${encodeWord(String(f.Subject ?? ''))}`,
    `Date: ${new Date(String(f.DateTimeSent ?? item.created)).toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: ${String(f.InternetMessageId ?? `<${Buffer.from(item.id, 'base64').toString('hex')}@exchange-sim>`)}`,
    'MIME-Version: 1.0',
    `Content-Type: ${body?.type === 'HTML' ? 'text/html' : 'text/plain'}; charset="utf-8"`,
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(body?.value ?? '').toString('base64').replace(/.{76}/g, '$&\r\n'),
  ];
  return Buffer.from(lines.join('\r\n')).toString('base64');
}
