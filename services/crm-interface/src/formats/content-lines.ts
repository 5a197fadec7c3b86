/**
 * The text layer of vCard 2.1/3.0 and vCalendar 1.0 (RFC 2425-style content lines), written by hand
 * because ical.js reads and writes only vCard 3.0/4.0 and iCalendar 2.0. The 2.1/1.0 reader turns
 * their quirks (bare TYPE parameters, QUOTED-PRINTABLE, CHARSET) into plain properties.
 */
export interface ContentLine {
  name: string;
  params: Record<string, string[]>;
  value: string;
}

/** Folds at 75 octets, never inside a UTF-8 sequence. */
export function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  while (start < bytes.length) {
    let end = Math.min(start + (start === 0 ? 75 : 74), bytes.length);
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
  }
  return parts.join('\r\n ');
}

/** vCard 3.0 / iCalendar text escaping. */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** vCard 2.1 / vCalendar 1.0: only `;` is escaped; line breaks and non-ASCII go QUOTED-PRINTABLE. */
export function legacyProperty(nameWithParams: string, value: string, escape = true): string {
  const escaped = escape ? value.replace(/;/g, '\\;') : value;
   
  if (!/[^\x20-\x7e]/.test(escaped)) return `${nameWithParams}:${escaped}`;
  const qp = [...Buffer.from(escaped.replace(/\r?\n/g, '\r\n'), 'utf8')]
    .map((b) => (b >= 0x21 && b <= 0x7e && b !== 0x3d ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`))
    .join('');
  const lines: string[] = [];
  let rest = `${nameWithParams};ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:${qp}`;
  while (rest.length > 75) {
    let cut = 74;
    while (rest[cut - 1] === '=' || rest[cut - 2] === '=') cut--;
    lines.push(`${rest.slice(0, cut)}=`);
    rest = rest.slice(cut);
  }
  lines.push(rest);
  return lines.join('\r\n');
}

function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(c.charCodeAt(0) & 0xff);
  }
  return Buffer.from(bytes).toString(/^utf-?8$/i.test(charset) ? 'utf8' : 'latin1');
}

const KNOWN_VALUE_PARAMS = new Set(['ENCODING', 'CHARSET', 'TYPE', 'VALUE', 'LANGUAGE', 'ROLE', 'STATUS', 'RSVP', 'EXPECT', 'CN', 'TZID']);

/** Splits 2.1/1.0 text into properties: unfolds, joins QP soft breaks, normalises bare params into TYPE. */
export function readLegacyLines(text: string): ContentLine[] {
  const physical = text.replace(/\r\n|\r/g, '\n').split('\n');
  const logical: string[] = [];
  for (let i = 0; i < physical.length; i++) {
    let line = physical[i]!;
    if (/ENCODING=QUOTED-PRINTABLE/i.test(line.split(':')[0] ?? '')) {
      while (line.endsWith('=') && i + 1 < physical.length) line = line.slice(0, -1) + physical[++i]!;
    }
    if (/^[ \t]/.test(line) && logical.length > 0) logical[logical.length - 1] += line.slice(1);
    else if (line.trim() !== '') logical.push(line);
  }
  return logical.map((line) => {
    const colon = line.indexOf(':');
    const head = colon < 0 ? line : line.slice(0, colon);
    const [rawName, ...rawParams] = head.split(';');
    const params: Record<string, string[]> = {};
    for (const p of rawParams) {
      const eq = p.indexOf('=');
      const key = eq < 0 ? 'TYPE' : p.slice(0, eq).toUpperCase();
      const values = (eq < 0 ? p : p.slice(eq + 1)).split(',').map((v) => v.replace(/^"|"$/g, ''));
      (params[KNOWN_VALUE_PARAMS.has(key) || key.startsWith('X-') ? key : 'TYPE'] ??= []).push(...values);
    }
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (params.ENCODING?.some((e) => /^QUOTED-PRINTABLE$/i.test(e))) {
      value = decodeQuotedPrintable(value, params.CHARSET?.[0] ?? 'utf-8');
      delete params.ENCODING;
    } else if (params.CHARSET && !/^utf-?8$/i.test(params.CHARSET[0]!)) value = Buffer.from(value, 'latin1').toString('latin1');
    delete params.CHARSET;
    return { name: rawName!.toUpperCase(), params, value };
  });
}

/** Splits a structured value on unescaped `;`, then unescapes the 2.1 `\;`. */
export function splitLegacy(value: string): string[] {
  return value.split(/(?<!\\);/).map((part) => part.replace(/\\;/g, ';'));
}
