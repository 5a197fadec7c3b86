import type { DomainItem, DomainItemOf, ObjectType } from '@connector/core';
import { sameCanonical, text, type Canonical } from '../normalize.js';
import { absenceFields } from './absence.fields.js';
import { appointmentFields } from './appointment.fields.js';
import { contactFields } from './contact.fields.js';
import { emailFields } from './email.fields.js';
import type { FieldSpec, TypeFields } from './field-spec.js';
import { taskFields } from './task.fields.js';

const FIELDS: { [T in ObjectType]: TypeFields<DomainItemOf<T>> } = {
  appointment: appointmentFields,
  contact: contactFields,
  task: taskFields,
  absence: absenceFields,
  email: emailFields,
};

const EXTRA_PREFIX = 'extra.';

/** The built-in synced fields of a type, in a stable order. */
export function builtInFields(type: ObjectType): string[] {
  return FIELDS[type].fields.map((f) => f.name);
}

export function hasExtraFields(type: ObjectType): boolean {
  return FIELDS[type].hasExtra;
}

function extraOf(item: DomainItem | undefined): Record<string, string> {
  return item && 'extra' in item && item.extra ? item.extra : {};
}

/**
 * Every field that takes part in comparing these versions of one item: the built-in ones plus
 * `extra.<name>` for each mapped field and each extra any version carries.
 */
export function syncedFields(type: ObjectType, items: readonly (DomainItem | undefined)[], mappedExtras: readonly string[] = []): string[] {
  if (!FIELDS[type].hasExtra) return builtInFields(type);
  const extras = new Set(mappedExtras);
  for (const item of items) for (const key of Object.keys(extraOf(item))) extras.add(key);
  return [...builtInFields(type), ...[...extras].sort().map((k) => EXTRA_PREFIX + k)];
}

function specOf(type: ObjectType, name: string): FieldSpec<DomainItem> | undefined {
  return (FIELDS[type].fields as readonly FieldSpec<DomainItem>[]).find((f) => f.name === name);
}

/** The canonical value of one field; an absent item has no values. */
export function fieldValue(type: ObjectType, item: DomainItem | undefined, name: string): Canonical {
  if (!item) return null;
  if (name.startsWith(EXTRA_PREFIX)) return text(extraOf(item)[name.slice(EXTRA_PREFIX.length)]);
  const spec = specOf(type, name);
  if (!spec) throw new Error(`${name} is not a synced field of ${type}`);
  return spec.canon(item);
}

export function sameField(type: ObjectType, a: DomainItem | undefined, b: DomainItem | undefined, name: string): boolean {
  return sameCanonical(fieldValue(type, a, name), fieldValue(type, b, name));
}

/** The fields whose canonical values differ between two versions. */
export function differingFields(type: ObjectType, a: DomainItem | undefined, b: DomainItem | undefined, fields: readonly string[]): string[] {
  return fields.filter((name) => !sameField(type, a, b, name));
}

/** The synced projection of an item: what "unchanged" is measured on. */
export function project(type: ObjectType, item: DomainItem | undefined, fields: readonly string[]): Record<string, Canonical> {
  return Object.fromEntries(fields.map((name) => [name, fieldValue(type, item, name)]));
}

/** Copies one field's raw value from `source` into `target` (absent in source → removed). */
export function copyField(target: Record<string, unknown>, source: DomainItem | undefined, name: string): void {
  if (name.startsWith(EXTRA_PREFIX)) {
    const key = name.slice(EXTRA_PREFIX.length);
    const extra = { ...((target.extra as Record<string, string> | undefined) ?? {}) };
    const value = extraOf(source)[key];
    if (value === undefined) delete extra[key];
    else extra[key] = value;
    target.extra = extra;
    return;
  }
  const value = source ? (source as Record<string, unknown>)[name] : undefined;
  if (value === undefined) delete target[name];
  else target[name] = structuredClone(value);
}
