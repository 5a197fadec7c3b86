import type { Item } from '../store/model.js';
import { child, type XNode } from '../xml/xml-node.js';
import { ewsError } from '../soap/ews-error.js';
import { extendedKey, parseExtendedUri, typedValue } from '../items/extended.js';
import { isKnownUri, propByUri } from '../items/properties.js';
import type { Recipient } from '../items/codecs.js';

type Value = string | number | boolean | undefined;
type Getter<T = Item> = (target: T) => Value | Value[];
export type GetterFor<T> = (path: XNode) => { get: Getter<T>; type?: string };

const DATE = /^\d{4}-\d{2}-\d{2}T/;

const COMPUTED: Record<string, (item: Item) => Value> = {
  'item:ItemClass': (i) => i.itemClass,
  'item:DateTimeCreated': (i) => i.created,
  'item:DateTimeReceived': (i) => String(i.fields.DateTimeReceived ?? i.created),
  'item:DateTimeSent': (i) => String(i.fields.DateTimeSent ?? i.created),
  'item:LastModifiedTime': (i) => i.modified,
  'item:HasAttachments': (i) => (i.attachments?.length ?? 0) > 0,
  'item:IsDraft': (i) => Boolean(i.fields.IsDraft),
  'message:IsRead': (i) => Boolean(i.fields.IsRead),
  'calendar:IsRecurring': (i) => Boolean(i.fields.Recurrence),
  'calendar:CalendarItemType': (i) => (i.fields.Recurrence ? 'RecurringMaster' : 'Single'),
  'task:IsComplete': (i) => i.fields.Status === 'Completed',
};

function flatten(value: unknown): Value | Value[] {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' ? (v as Recipient).email : (v as Value)));
  if (typeof value === 'object') {
    if ('email' in (value as object)) return (value as Recipient).email;
    if ('value' in (value as object)) return String((value as { value: unknown }).value);
    return undefined;
  }
  return value as Value;
}

export function getter(path: XNode): { get: Getter; type?: string } {
  if (path.local === 'ExtendedFieldURI') {
    const uri = parseExtendedUri(path);
    const key = extendedKey(uri);
    return {
      type: uri.PropertyType,
      get: (item) => {
        const found = item.extended?.find((e) => e.key === key);
        if (!found) return undefined;
        return Array.isArray(found.value) ? found.value.map((v) => typedValue(uri.PropertyType, v)) : typedValue(uri.PropertyType, found.value);
      },
    };
  }
  const uri = path.attrs.FieldURI ?? '';
  if (path.local === 'IndexedFieldURI') {
    const index = path.attrs.FieldIndex ?? '';
    const [, dict, part] = /^contacts:(EmailAddress|PhoneNumber|PhysicalAddress)(?::(\w+))?$/.exec(uri) ?? [];
    if (!dict) throw ewsError('ErrorUnsupportedPathForQuery');
    return {
      get: (item) => {
        const entry = (item.fields[`${dict}${dict.endsWith('s') ? 'es' : 's'}`] as Record<string, unknown> | undefined)?.[index];
        return flatten(part ? (entry as Record<string, unknown> | undefined)?.[part] : entry);
      },
    };
  }
  if (COMPUTED[uri]) return { get: COMPUTED[uri]! };
  if (!isKnownUri(uri)) throw ewsError('ErrorUnsupportedPathForQuery', uri);
  return { get: (item) => flatten(item.fields[propByUri(uri, item.kind)?.name ?? ''] ?? (uri === 'contacts:DisplayName' ? item.fields.DisplayName : undefined)) };
}

function constantOf(node: XNode | undefined): string {
  const constant = child(child(node, 'FieldURIOrConstant'), 'Constant') ?? child(node, 'Constant');
  if (!constant) throw ewsError('ErrorUnsupportedPathForQuery', 'Only constant comparisons are supported.');
  return constant.attrs.Value ?? '';
}

function compare(a: Value, constant: string, type: string | undefined): number | undefined {
  if (a === undefined) return undefined;
  if (typeof a === 'number') {
    const b = type === 'SystemTime' ? typedValue('SystemTime', constant) : Number(constant);
    return a - Number(b);
  }
  if (typeof a === 'boolean') return Number(a) - Number(constant.toLowerCase() === 'true');
  if (DATE.test(a) && DATE.test(constant)) return Date.parse(a) - Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(constant) ? constant : `${constant}Z`);
  return a.toLowerCase().localeCompare(constant.toLowerCase());
}

const COMPARATORS: Record<string, (d: number) => boolean> = {
  IsEqualTo: (d) => d === 0,
  IsNotEqualTo: (d) => d !== 0,
  IsGreaterThan: (d) => d > 0,
  IsGreaterThanOrEqualTo: (d) => d >= 0,
  IsLessThan: (d) => d < 0,
  IsLessThanOrEqualTo: (d) => d <= 0,
};

export type Predicate<T = Item> = (target: T) => boolean;

/** Compiles a SearchExpression (the child of Restriction) into a predicate over items or, with `getterFor`, folders. */
export function compileRestriction<T = Item>(expr: XNode, getterFor: GetterFor<T> = getter as unknown as GetterFor<T>): Predicate<T> {
  const op = expr.local;
  if (op === 'And' || op === 'Or') {
    const parts = expr.children.map((c) => compileRestriction(c, getterFor));
    return op === 'And' ? (i) => parts.every((p) => p(i)) : (i) => parts.some((p) => p(i));
  }
  if (op === 'Not') {
    const inner = compileRestriction(expr.children[0]!, getterFor);
    return (i) => !inner(i);
  }
  const path = expr.children.find((c) => /FieldURI$/.test(c.local) && c.local !== 'FieldURIOrConstant');
  if (!path) throw ewsError('ErrorSchemaValidation', `${op} needs a property path.`, true);
  const { get, type } = getterFor(path);
  if (op === 'Exists') return (i) => get(i) !== undefined;
  if (op === 'Contains') {
    const value = constantOf(expr).toLowerCase();
    const mode = expr.attrs.ContainmentMode ?? 'Substring';
    const test = (v: Value) => {
      const s = String(v ?? '').toLowerCase();
      return mode === 'FullString' ? s === value : mode === 'Prefixed' ? s.startsWith(value) : s.includes(value);
    };
    return (i) => {
      const v = get(i);
      return Array.isArray(v) ? v.some(test) : test(v);
    };
  }
  const comparator = COMPARATORS[op];
  if (!comparator) throw ewsError('ErrorUnsupportedPathForQuery', `${op} is not supported.`);
  const constant = constantOf(expr);
  return (i) => {
    const v = get(i);
    const values = Array.isArray(v) ? v : [v];
    return values.some((x) => {
      const d = compare(x, constant, type);
      return d !== undefined && !Number.isNaN(d) && comparator(d);
    });
  };
}
