import { XMLParser } from 'fast-xml-parser';
import { unreadable } from './format.error.js';

export type XmlNode = Record<string, unknown>;

/** `container.item` pairs whose items are always lists, even when only one is present. */
const LIST_ITEMS = new Set([
  'emails.email', 'phones.phone', 'addresses.address', 'categories.category', 'customFields.field', 'participants.participant',
  'exceptions.exception', 'deletedOccurrences.occurrence', 'references.reference', 'documents.document', 'required.address',
  'optional.address', 'unknown.address',
]);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  // Entities are decoded here in one pass (predefined five + character references); DOCTYPEs are refused.
  processEntities: false,
  htmlEntities: false,
  isArray: (name, jPath) => {
    const path = String(jPath).split('.');
    return LIST_ITEMS.has(`${path[path.length - 2]}.${name}`);
  },
});

const MAX_XML = 20 * 1024 * 1024;

/** Parses one record document; refuses DOCTYPE/ENTITY declarations (no entity expansion, no XXE). */
export function parseXml(text: string, root: string): XmlNode {
  if (text.length > MAX_XML) throw unreadable('record XML is too large');
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) throw unreadable('DOCTYPE and ENTITY declarations are not accepted');
  let parsed: XmlNode;
  try {
    parsed = parser.parse(text, true) as XmlNode;
  } catch (error) {
    throw unreadable(`not well-formed XML: ${(error as Error).message}`);
  }
  const node = parsed[root];
  if (node === undefined) throw unreadable(`expected a <${root}> document`);
  return node === '' ? {} : (node as XmlNode);
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const predefined = PREDEFINED[ref];
    if (predefined === undefined) throw unreadable(`unknown entity ${whole}`);
    return predefined;
  });
}

/** Text content of a leaf element: plain string, or `#text` of an element that also has attributes. */
export function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return decodeEntities(value);
  if (typeof value === 'object' && '#text' in (value as XmlNode)) return decodeEntities(String((value as XmlNode)['#text']));
  if (typeof value === 'object') return '';
  return String(value);
}

export function attr(node: unknown, name: string): string | undefined {
  if (!node || typeof node !== 'object') return undefined;
  const value = (node as XmlNode)[`@${name}`];
  return value === undefined ? undefined : decodeEntities(String(value));
}

/** Child element as an object ('' for an empty element becomes {}). */
export function child(node: XmlNode, name: string): XmlNode | undefined {
  const value = node[name];
  if (value === undefined) return undefined;
  return typeof value === 'object' && value !== null ? (value as XmlNode) : {};
}

export function list(node: XmlNode | undefined, name: string): unknown[] {
  const value = node?.[name];
  return Array.isArray(value) ? value : [];
}

export function escapeXml(value: string): string {
  return value.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** `<name attr="…">text</name>`; `null` text gives an empty element. */
export function element(name: string, text: string | null, attributes: Record<string, string | undefined> = {}): string {
  const attrs = Object.entries(attributes)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(v!)}"`)
    .join('');
  return text === null || text === '' ? `<${name}${attrs}/>` : `<${name}${attrs}>${escapeXml(text)}</${name}>`;
}

export function container(name: string, inner: string, attributes: Record<string, string | undefined> = {}): string {
  const attrs = Object.entries(attributes)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(v!)}"`)
    .join('');
  return inner === '' ? `<${name}${attrs}/>` : `<${name}${attrs}>${inner}</${name}>`;
}
