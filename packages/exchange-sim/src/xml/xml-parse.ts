import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { XNode } from './xml-node.js';

export interface XmlLimits {
  maxDepth: number;
  maxElements: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxDepth: 64, maxElements: 500_000 };

/** Why a document was refused; the SOAP layer maps each reason to an Exchange-like fault. */
export class XmlRejected extends Error {
  constructor(
    readonly reason: 'dtd' | 'malformed' | 'limits',
    message: string,
    readonly position?: { line: number; column: number },
  ) {
    super(message);
  }
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: false,
  // Entities are decoded below, by a function that knows only the five predefined ones and
  // character references: a DOCTYPE never reaches the parser, so nothing can expand.
  processEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: 200,
});

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

export function decodeEntities(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    return PREDEFINED[ref] ?? whole;
  });
}

/** Counts elements and nesting in one pass before any tree is built. */
function checkLimits(xml: string, limits: XmlLimits): void {
  let depth = 0;
  let elements = 0;
  for (let i = xml.indexOf('<'); i !== -1; i = xml.indexOf('<', i + 1)) {
    const next = xml.charCodeAt(i + 1);
    if (next === 47 /* / */) {
      depth--;
      continue;
    }
    if (next === 33 /* ! */ || next === 63 /* ? */) continue;
    elements++;
    const close = xml.indexOf('>', i);
    if (close > 0 && xml.charCodeAt(close - 1) !== 47) depth++;
    if (depth > limits.maxDepth) throw new XmlRejected('limits', `XML nesting deeper than ${limits.maxDepth} levels.`);
    if (elements > limits.maxElements) throw new XmlRejected('limits', `XML has more than ${limits.maxElements} elements.`);
  }
}

function splitName(qname: string): [string | undefined, string] {
  const colon = qname.indexOf(':');
  return colon === -1 ? [undefined, qname] : [qname.slice(0, colon), qname.slice(colon + 1)];
}

function convert(raw: OrderedNode, scope: Map<string | undefined, string>): XNode | undefined {
  const name = Object.keys(raw).find((k) => k !== ':@');
  if (!name || name === '#text' || name === '#comment' || name.startsWith('?')) return undefined;
  const rawAttrs = raw[':@'] ?? {};
  let local = scope;
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries(rawAttrs)) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) {
      if (local === scope) local = new Map(scope);
      local.set(key === 'xmlns' ? undefined : key.slice(6), decodeEntities(value));
    }
  }
  for (const [key, value] of Object.entries(rawAttrs)) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
    attrs[splitName(key)[1]] = decodeEntities(value);
  }
  const [prefix, localName] = splitName(name);
  const node: XNode = { local: localName, ns: local.get(prefix) ?? '', attrs, children: [], text: '' };
  const content = raw[name];
  if (Array.isArray(content)) {
    for (const entry of content as OrderedNode[]) {
      if ('#text' in entry) node.text += decodeEntities(String(entry['#text']));
      else {
        const childNode = convert(entry, local);
        if (childNode) node.children.push(childNode);
      }
    }
  }
  return node;
}

/** Parses a request strictly: no DTD, no entity expansion, bounded size and depth. */
export function parseXml(xml: string, limits: XmlLimits = DEFAULT_XML_LIMITS): XNode {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new XmlRejected('dtd', 'For security reasons DTD is prohibited in this XML document.');
  }
  checkLimits(xml, limits);
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new XmlRejected('malformed', `${valid.err.msg} Line ${valid.err.line}, position ${valid.err.col}.`, { line: valid.err.line, column: valid.err.col });
  }
  const ordered = parser.parse(xml) as OrderedNode[];
  for (const entry of ordered) {
    const node = convert(entry, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]));
    if (node) return node;
  }
  throw new XmlRejected('malformed', 'Root element is missing.');
}
