import { SyncmlEncodeError } from './syncml.error.js';

// XML 1.0 cannot carry these at all (not even as character references); such data must be
// sent base64-encoded (Meta Format b64) instead.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function assertXmlChars(value: string, where: string): void {
  if (FORBIDDEN_CHARS.test(value)) {
    throw new SyncmlEncodeError('SYNCML_ENCODE_INVALID', `${where} contains characters XML 1.0 cannot carry; send it as b64`);
  }
}

/**
 * Escapes text content. CR is written as a character reference so that conforming parsers,
 * which normalise raw CR LF to LF, still deliver vCard/iCalendar line ends unchanged.
 */
export function escapeText(value: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    let rep: string | undefined;
    if (c === 38) rep = '&amp;';
    else if (c === 60) rep = '&lt;';
    else if (c === 62) rep = '&gt;';
    else if (c === 13) rep = '&#13;';
    if (rep !== undefined) {
      out += value.slice(last, i) + rep;
      last = i + 1;
    }
  }
  return last === 0 ? value : out + value.slice(last);
}

export function escapeAttr(value: string): string {
  return escapeText(value).replaceAll('"', '&quot;');
}

/**
 * CDATA section; a `]]>` inside the data is split across two sections, and CR is written as
 * a character reference between sections because parsers normalise raw CR LF to LF.
 */
export function cdata(value: string): string {
  return `<![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>').replaceAll('\r', ']]>&#13;<![CDATA[')}]]>`;
}

/** Text element, omitted when the value is undefined. */
export function textEl(name: string, value: string | number | undefined, ns?: string): string {
  if (value === undefined) return '';
  const s = String(value);
  assertXmlChars(s, name);
  return `<${name}${nsAttr(ns)}>${escapeText(s)}</${name}>`;
}

/** Empty flag element (`<NoResp/>`), written only when true. */
export function flagEl(name: string, value: boolean | undefined, ns?: string): string {
  return value ? `<${name}${nsAttr(ns)}/>` : '';
}

export function el(name: string, content: string, ns?: string): string {
  return `<${name}${nsAttr(ns)}>${content}</${name}>`;
}

function nsAttr(ns: string | undefined): string {
  return ns === undefined ? '' : ` xmlns="${escapeAttr(ns)}"`;
}

/** UTF-8 byte length without allocating a buffer for the string. */
export function utf8Length(value: string): number {
  return Buffer.byteLength(value, 'utf8');
}
