import type { ExchangeService, Item, PropertyDefinitionBase } from 'ews-javascript-api';
import type { DomainItemOf, ObjectType } from '@connector/core';
import type { ConnectorProperties } from '../properties/connector-properties.js';

export interface MapperContext {
  props: ConnectorProperties;
  /** The mailbox being read; e-mail direction depends on it. */
  mailbox: string;
}

/** Writes one domain field onto an EWS item; `undefined`/empty means "delete the property". */
export type FieldWriter<T extends ObjectType> = (item: Item, value: DomainItemOf<T>, ctx: MapperContext) => void;

/** How one object type travels between the domain model and EWS. */
export interface TypeMapper<T extends ObjectType> {
  readonly type: T;
  /** Properties GetItem asks for (beyond the id), our extended properties included. */
  properties(ctx: MapperContext): PropertyDefinitionBase[];
  /** A new, empty EWS item of the right class. */
  newItem(service: ExchangeService): Item;
  fromEws(item: Item, ctx: MapperContext): DomainItemOf<T>;
  /** One writer per writable domain field; a type without writers (e-mail) is read-only. */
  readonly writers: Partial<Record<Exclude<keyof DomainItemOf<T>, 'type'>, FieldWriter<T>>>;
}

/** Applies the named fields (all writable ones when `fields` is undefined, skipping empty values on create). */
export function applyFields<T extends ObjectType>(
  mapper: TypeMapper<T>,
  item: Item,
  value: DomainItemOf<T>,
  ctx: MapperContext,
  fields?: readonly string[],
): void {
  const names = fields ?? Object.keys(mapper.writers);
  for (const name of names) {
    const writer = (mapper.writers as Record<string, FieldWriter<T> | undefined>)[name];
    if (!writer) continue;
    if (!fields && isEmpty((value as Record<string, unknown>)[name])) continue;
    writer(item, value, ctx);
  }
}

/** Not worth writing on create. `null` is a value (e.g. "no reminder", which differs from the server default). */
export function isEmpty(value: unknown): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}
