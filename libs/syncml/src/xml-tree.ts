import { XMLParser } from 'fast-xml-parser';
import type { SyncmlLimits } from './limits.config.js';
import { prescan } from './prescan.js';
import { SyncmlLimitError, SyncmlParseError } from './syncml.error.js';

/** A namespace-resolved element: local name, namespace URI, children in document order. */
export interface XmlElement {
  name: string;
  ns: string | undefined;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** Concatenated character data (text and CDATA), entities decoded, not trimmed. */
  text: string;
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const TEXT = '#text';
const CDATA = '#cdata';

function parserFor(limits: SyncmlLimits): XMLParser {
  return new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    // Entities are decoded by decodeEntities below: only the five predefined ones and
    // character references exist for us; there is no DTD to define others.
    processEntities: false,
    htmlEntities: false,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    cdataPropName: CDATA,
    maxNestedTags: limits.maxDepth + 1,
  });
}

/** Checks size and limits, then parses into XmlElement. Throws SyncmlLimitError / SyncmlParseError. */
export function parseXml(input: string | Uint8Array, limits: SyncmlLimits): XmlElement {
  const byteLength = typeof input === 'string' ? input.length : input.byteLength;
  // A string's UTF-8 size is at least its length, so this rejects huge strings without encoding them.
  if (byteLength > limits.maxBytes || (typeof input === 'string' && Buffer.byteLength(input) > limits.maxBytes)) {
    throw new SyncmlLimitError('SYNCML_BODY_TOO_LARGE', `limit is ${limits.maxBytes} bytes`);
  }
  const xml = typeof input === 'string' ? input : bytesToString(input);
  prescan(xml, limits);
  let ordered: OrderedNode[];
  try {
    ordered = parserFor(limits).parse(xml) as OrderedNode[];
  } catch (err) {
    throw new SyncmlParseError('SYNCML_MALFORMED_XML', (err as Error).message);
  }
  const rootNode = ordered.find((n) => elementName(n) !== undefined);
  if (!rootNode) throw new SyncmlParseError('SYNCML_MALFORMED_XML', 'no root element');
  return toElement(rootNode, new Map());
}

const DECLARED_ENCODING = /^(?:\uFEFF)?<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/;

/** Decodes bytes as the XML declaration says (UTF-8 unless it names ASCII or ISO-8859-1). */
function bytesToString(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = DECLARED_ENCODING.exec(head)?.[1]?.toLowerCase() ?? 'utf-8';
  const label = declared === 'utf8' ? 'utf-8' : declared;
  if (!['utf-8', 'us-ascii', 'ascii', 'iso-8859-1', 'latin1'].includes(label)) {
    throw new SyncmlParseError('SYNCML_MALFORMED_XML', `unsupported encoding '${declared}'`);
  }
  try {
    return new TextDecoder(label === 'utf-8' ? 'utf-8' : 'latin1', { fatal: true }).decode(bytes);
  } catch {
    throw new SyncmlParseError('SYNCML_MALFORMED_XML', `body is not valid ${label}`);
  }
}

function elementName(node: OrderedNode): string | undefined {
  return Object.keys(node).find((k) => k !== ':@' && k !== TEXT && k !== CDATA);
}

function toElement(node: OrderedNode, scope: Map<string, string>): XmlElement {
  const qname = elementName(node) as string;
  const attrs = node[':@'] ?? {};
  let inner = scope;
  for (const [key, value] of Object.entries(attrs)) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) {
      if (inner === scope) inner = new Map(scope);
      inner.set(key === 'xmlns' ? '' : key.slice(6), decodeEntities(value));
    }
  }
  const colon = qname.indexOf(':');
  const prefix = colon < 0 ? '' : qname.slice(0, colon);
  const ns = inner.get(prefix);
  if (prefix !== '' && ns === undefined) {
    throw new SyncmlParseError('SYNCML_MALFORMED_XML', `undeclared namespace prefix '${prefix}'`);
  }
  const element: XmlElement = {
    name: colon < 0 ? qname : qname.slice(colon + 1),
    ns: ns === '' ? undefined : ns,
    attrs,
    children: [],
    text: '',
  };
  for (const child of (node[qname] as OrderedNode[]) ?? []) {
    if (TEXT in child) element.text += decodeEntities(String(child[TEXT]));
    else if (CDATA in child) element.text += cdataText(child[CDATA] as OrderedNode[]);
    else if (elementName(child) !== undefined) {
      const converted = toElement(child, inner);
      if (isKnownNamespace(converted.ns)) element.children.push(converted);
    }
  }
  return element;
}

const KNOWN_NAMESPACES = new Set(['syncml:syncml1.2', 'syncml:metinf', 'syncml:devinf']);

/** Elements of foreign namespaces are extensions we do not understand: they are skipped. */
function isKnownNamespace(ns: string | undefined): boolean {
  return ns === undefined || KNOWN_NAMESPACES.has(ns.toLowerCase());
}

function cdataText(parts: OrderedNode[]): string {
  return parts.map((p) => String(p[TEXT] ?? '')).join('');
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the five predefined entities and character references; anything else is refused. */
export function decodeEntities(text: string): string {
  let out = '';
  let last = 0;
  for (let amp = text.indexOf('&'); amp >= 0; amp = text.indexOf('&', last)) {
    const semi = text.indexOf(';', amp);
    if (semi < 0 || semi - amp > 12) throw new SyncmlParseError('SYNCML_MALFORMED_XML', "bare '&' in text");
    const ref = text.slice(amp + 1, semi);
    out += text.slice(last, amp) + resolveReference(ref);
    last = semi + 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

function resolveReference(ref: string): string {
  if (!/^(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][A-Za-z0-9._-]*)$/.test(ref)) {
    throw new SyncmlParseError('SYNCML_MALFORMED_XML', "bare '&' in text");
  }
  if (ref.startsWith('#')) {
    const code = /^#x[0-9a-fA-F]+$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#[0-9]+$/.test(ref) ? parseInt(ref.slice(1), 10) : NaN;
    const legal = code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) && code !== 0xfffe && code !== 0xffff);
    if (!legal) throw new SyncmlParseError('SYNCML_MALFORMED_XML', `invalid character reference '&${ref};'`);
    return String.fromCodePoint(code);
  }
  const value = PREDEFINED[ref];
  if (value === undefined) throw new SyncmlParseError('SYNCML_DTD_FORBIDDEN', `undefined entity '&${ref};'`);
  return value;
}
