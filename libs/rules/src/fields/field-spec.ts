import type { DomainItem } from '@connector/core';
import type { Canonical } from '../normalize.js';

/** One synced field: its name is the item's own key, `canon` its value for comparison. */
export interface FieldSpec<T extends DomainItem> {
  readonly name: keyof T & string;
  canon(item: T): Canonical;
}

export interface TypeFields<T extends DomainItem> {
  readonly fields: readonly FieldSpec<T>[];
  /** Whether `extra.*` (mapped fields beyond the built-in ones) take part. */
  readonly hasExtra: boolean;
}

export function field<T extends DomainItem, K extends keyof T & string>(name: K, canon: (value: T[K]) => Canonical): FieldSpec<T> {
  return { name, canon: (item) => canon(item[name]) };
}

export const scalar = <V extends string | number | boolean | null | undefined>(value: V): Canonical => value ?? null;
