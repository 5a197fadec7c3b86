import { unreadable } from './format.error.js';
import { attr, child, container, element, list, textOf, type XmlNode } from './xml.js';

/**
 * One record field in the native XML: element name = field name. Scalars are leaf elements; an empty
 * element means null for nullable fields (and '' for the others); an absent element means "not sent".
 */
export interface FieldCodec {
  name: string;
  encode(value: unknown): string;
  decode(node: XmlNode): unknown;
}

function scalar(name: string, read: (text: string) => unknown, write: (value: unknown) => string, nullable: boolean): FieldCodec {
  return {
    name,
    encode: (value) => element(name, value === null || value === undefined ? null : write(value)),
    decode(node) {
      const text = textOf(node[name]);
      if (text === '') return nullable ? null : read('');
      return read(text);
    },
  };
}

const asString = (v: unknown) => String(v);

export const text = (name: string) => scalar(name, (t) => t, asString, false);
export const optText = (name: string) => scalar(name, (t) => t, asString, true);
export const bool = (name: string) =>
  scalar(
    name,
    (t) => {
      if (t === 'true' || t === '1') return true;
      if (t === 'false' || t === '0' || t === '') return false;
      throw unreadable(`<${name}> must be true or false`);
    },
    asString,
    false,
  );
const integer = (name: string) => (t: string) => {
  if (!/^-?\d+$/.test(t.trim())) throw unreadable(`<${name}> must be an integer`);
  return Number(t.trim());
};
export const int = (name: string) => scalar(name, integer(name), asString, false);
export const optInt = (name: string) => scalar(name, integer(name), asString, true);

/** A list of strings: `<categories><category>a</category></categories>`. */
export function strings(name: string, item: string): FieldCodec {
  return {
    name,
    encode: (value) => container(name, ((value as string[]) ?? []).map((v) => element(item, v)).join('')),
    decode: (node) => list(child(node, name), item).map(textOf),
  };
}

/** A list of objects: one element per item, `attrs` as attributes, `fields` as child elements, `textField` as text. */
export function objects(
  name: string,
  item: string,
  shape: { attrs?: string[]; fields?: FieldCodec[]; textField?: string },
): FieldCodec {
  return {
    name,
    encode(value) {
      const items = (value as Record<string, unknown>[]) ?? [];
      return container(
        name,
        items
          .map((entry) => {
            const attributes = Object.fromEntries((shape.attrs ?? []).map((a) => [a, entry[a] === null || entry[a] === undefined ? undefined : String(entry[a])]));
            if (shape.textField) return element(item, String(entry[shape.textField] ?? ''), attributes);
            const present = (shape.fields ?? []).filter((f) => entry[f.name] !== undefined);
            return container(item, present.map((f) => f.encode(entry[f.name])).join(''), attributes);
          })
          .join(''),
      );
    },
    decode(node) {
      return list(child(node, name), item).map((raw) => {
        const entry: Record<string, unknown> = {};
        for (const a of shape.attrs ?? []) {
          const value = attr(raw, a);
          if (value !== undefined) entry[a] = value;
        }
        if (shape.textField) entry[shape.textField] = textOf(raw);
        const itemNode = typeof raw === 'object' && raw !== null ? (raw as XmlNode) : {};
        for (const f of shape.fields ?? []) if (f.name in itemNode) entry[f.name] = f.decode(itemNode);
        return entry;
      });
    },
  };
}

/** A nested object (or null, written as an empty element). */
export function nested(name: string, fields: FieldCodec[], nullable = true): FieldCodec {
  return {
    name,
    encode(value) {
      if (value === null || value === undefined) return element(name, null);
      const entry = value as Record<string, unknown>;
      return container(name, fields.map((f) => f.encode(entry[f.name])).join('')) || element(name, null);
    },
    decode(node) {
      const inner = child(node, name) ?? {};
      const present = fields.filter((f) => f.name in inner);
      if (present.length === 0 && nullable) return null;
      return Object.fromEntries(present.map((f) => [f.name, f.decode(inner)]));
    },
  };
}

/** Free key/value pairs: `<customFields><field name="k">v</field></customFields>`. */
export function keyValues(name: string): FieldCodec {
  return {
    name,
    encode: (value) =>
      container(
        name,
        Object.entries((value as Record<string, string>) ?? {})
          .map(([k, v]) => element('field', v, { name: k }))
          .join(''),
      ),
    decode: (node) =>
      Object.fromEntries(
        list(child(node, name), 'field').map((raw) => {
          const key = attr(raw, 'name');
          if (!key) throw unreadable(`<${name}><field> needs a name attribute`);
          return [key, textOf(raw)];
        }),
      ),
  };
}

export interface RecordFormatSpec {
  root: string;
  fields: FieldCodec[];
  /** Read-only elements written for the reader's information and ignored on input. */
  readOnly?: FieldCodec[];
}

export const FORMAT_VERSION = '1';

export function encodeNative(spec: RecordFormatSpec, record: Record<string, unknown>): string {
  const body = [...spec.fields, ...(spec.readOnly ?? [])].map((f) => f.encode(record[f.name])).join('');
  const id = typeof record.id === 'string' ? record.id : undefined;
  const version = typeof record.version === 'string' ? record.version : undefined;
  return `<?xml version="1.0" encoding="UTF-8"?>${container(spec.root, body, { version: FORMAT_VERSION, id, recordVersion: version })}`;
}

export function decodeNative(spec: RecordFormatSpec, node: XmlNode): Record<string, unknown> {
  const declared = attr(node, 'version');
  if (declared !== undefined && declared !== FORMAT_VERSION) throw unreadable(`unsupported ${spec.root} format version ${declared}`);
  const patch: Record<string, unknown> = {};
  for (const field of spec.fields) if (field.name in node) patch[field.name] = field.decode(node);
  return patch;
}
