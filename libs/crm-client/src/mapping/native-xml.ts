import { XMLParser } from 'fast-xml-parser';

/** One parsed element: child elements by name, attributes as `@_name`, text as `#text`. */
export type NativeNode = { [name: string]: unknown };

// Elements that repeat inside their container, always read as lists (`address` is also a plain
// field inside a participant or organizer, hence the parent check).
const LIST_PARENTS: Readonly<Record<string, readonly string[]>> = {
  email: ['emails'],
  phone: ['phones'],
  address: ['addresses', 'required', 'optional', 'unknown'],
  category: ['categories'],
  participant: ['participants'],
  exception: ['exceptions'],
  occurrence: ['deletedOccurrences'],
  reference: ['references'],
  field: ['customFields'],
  document: ['documents'],
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  isArray: (name, jpath) => LIST_PARENTS[name]?.includes(String(jpath).split('.').slice(-2)[0] ?? '') ?? false,
});

export class NativeFormatError extends Error {
  override name = 'NativeFormatError';
}

/** The root element of a native record, checked by name. */
export function parseNative(xml: string, root: string): NativeNode {
  const doc = parser.parse(xml) as NativeNode;
  const node = doc[root];
  if (node === undefined) throw new NativeFormatError(`expected a <${root}> record`);
  return typeof node === 'object' && node !== null ? (node as NativeNode) : {};
}

export function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return String((value as NativeNode)['#text'] ?? '');
  return String(value);
}

/** Text of a child; undefined when absent or empty (empty means null in the native format). */
export function opt(node: NativeNode, name: string): string | undefined {
  const text = textOf(node[name]);
  return text === '' ? undefined : text;
}

export const bool = (node: NativeNode, name: string): boolean => opt(node, name) === 'true';

export function int(node: NativeNode, name: string): number | undefined {
  const text = opt(node, name);
  return text === undefined ? undefined : Number(text);
}

export function child(node: NativeNode, name: string): NativeNode {
  const value = node[name];
  return typeof value === 'object' && value !== null ? (value as NativeNode) : {};
}

/** The items of `<container><item/>…</container>`. */
export function items(node: NativeNode, container: string, item: string): unknown[] {
  const list = child(node, container)[item];
  return Array.isArray(list) ? list : [];
}

export const attr = (value: unknown, name: string): string | undefined =>
  typeof value === 'object' && value !== null ? ((value as NativeNode)[`@_${name}`] as string | undefined) : undefined;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** `<name>text</name>`; nothing at all when `value` is undefined (the field is not sent). */
export function el(name: string, value: string | number | boolean | null | undefined, attrs: Record<string, string> = {}): string {
  if (value === undefined) return '';
  const a = Object.entries(attrs).map(([k, v]) => ` ${k}="${escape(v)}"`).join('');
  return value === null || value === '' ? `<${name}${a}/>` : `<${name}${a}>${escape(String(value))}</${name}>`;
}

export const wrap = (name: string, inner: string): string => (inner === '' ? `<${name}/>` : `<${name}>${inner}</${name}>`);

export const record = (root: string, inner: string): string => `<?xml version="1.0" encoding="UTF-8"?><${root} version="1">${inner}</${root}>`;

/** Drops undefined properties (optional fields stay absent rather than present-but-undefined). */
export function compact<T extends object>(value: { [K in keyof T]: T[K] | undefined }): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
