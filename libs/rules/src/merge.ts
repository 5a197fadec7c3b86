import type { DomainItem, ObjectType, Side } from '@connector/core';
import { fieldDirection, type ConflictPolicy, type Direction, type FieldDirections } from './compile-rules.js';
import { copyField, fieldValue, sameField, syncedFields } from './fields/projection.js';
import { instantMs, sameCanonical } from './normalize.js';

/** Last-modified instants of each side's current version; only `newest-wins` reads them. */
export interface MergeTimestamps {
  readonly exchange?: string | undefined;
  readonly crm?: string | undefined;
}

/** The same field changed on both sides to different values, and who won. */
export interface FieldConflict {
  readonly field: string;
  readonly base: unknown;
  readonly exchange: unknown;
  readonly crm: unknown;
  readonly winner: Side;
  readonly policy: ConflictPolicy;
}

export interface MergeResult<T extends DomainItem = DomainItem> {
  readonly merged: T;
  /** Fields that differ from the base in Exchange / in the CRM (all differing ones when there is no base). */
  readonly changedInExchange: string[];
  readonly changedInCrm: string[];
  readonly conflicts: FieldConflict[];
  /** Fields whose merged value differs from the Exchange item: what must be written there. */
  readonly toExchange: string[];
  /** Fields whose merged value differs from the CRM item: what must be written there. */
  readonly toCrm: string[];
}

export interface MergeOptions {
  /** Direction of fields not named in `fieldDirections` (unmapped extras); default `both`. */
  readonly defaultDirection?: Direction;
  /** Mapped extra fields that take part even when no version carries them. */
  readonly mappedExtras?: readonly string[];
}

function rawOf(item: DomainItem | undefined, field: string): unknown {
  if (!item) return undefined;
  if (field.startsWith('extra.')) return 'extra' in item ? item.extra?.[field.slice(6)] : undefined;
  return (item as Record<string, unknown>)[field];
}

function winnerByPolicy(policy: ConflictPolicy, timestamps: MergeTimestamps): Side {
  if (policy === 'crm-wins') return 'crm';
  if (policy === 'exchange-wins') return 'exchange';
  const e = instantMs(timestamps.exchange);
  const c = instantMs(timestamps.crm);
  // A tie or an unknown time falls to the CRM, the system of record.
  return e !== undefined && (c === undefined || e > c) ? 'exchange' : 'crm';
}

/** Non-synced fields (kind, organizer, delegation…) come from the CRM where it has them. */
function template(exchangeItem: DomainItem | undefined, crmItem: DomainItem | undefined): Record<string, unknown> {
  const defined = (item: DomainItem | undefined) => Object.entries(item ?? {}).filter(([, v]) => v !== undefined);
  return structuredClone(Object.fromEntries([...defined(exchangeItem), ...defined(crmItem)]));
}

/**
 * Field-level three-way merge against the last synced version. A field changed on one side only
 * takes that side's value whatever the timestamps; changed on both to different values, the
 * policy decides and a conflict is recorded. A field that may flow one way only always takes the
 * owning side's value, so the other side's edit is overwritten back. Fields directed `none` are
 * left out.
 */
export function mergeFields<T extends DomainItem>(
  base: T | undefined,
  exchangeItem: T | undefined,
  crmItem: T | undefined,
  policy: ConflictPolicy,
  fieldDirections: FieldDirections,
  timestamps: MergeTimestamps = {},
  options: MergeOptions = {},
): MergeResult<T> {
  const sample = exchangeItem ?? crmItem ?? base;
  if (!sample) throw new Error('mergeFields needs at least one version of the item');
  const type: ObjectType = sample.type;
  const defaultDirection = options.defaultDirection ?? 'both';
  const extras = (options.mappedExtras ?? []).map((f) => f.replace(/^extra\./, ''));
  const fields = syncedFields(type, [base, exchangeItem, crmItem], extras).filter(
    (f) => fieldDirection(fieldDirections, defaultDirection, f) !== 'none',
  );
  const merged = template(exchangeItem, crmItem);
  const changedInExchange: string[] = [];
  const changedInCrm: string[] = [];
  const conflicts: FieldConflict[] = [];

  for (const field of fields) {
    const sameSides = sameField(type, exchangeItem, crmItem, field);
    const exChanged = base ? !sameField(type, base, exchangeItem, field) : !sameSides;
    const crmChanged = base ? !sameField(type, base, crmItem, field) : !sameSides;
    if (exChanged) changedInExchange.push(field);
    if (crmChanged) changedInCrm.push(field);
    const direction = fieldDirection(fieldDirections, defaultDirection, field);
    let source: Side;
    if (direction === 'crm-to-exchange') source = 'crm';
    else if (direction === 'exchange-to-crm') source = 'exchange';
    else if (exChanged && crmChanged && !sameSides) {
      source = winnerByPolicy(policy, timestamps);
      conflicts.push({
        field,
        base: rawOf(base, field),
        exchange: rawOf(exchangeItem, field),
        crm: rawOf(crmItem, field),
        winner: source,
        policy,
      });
    } else source = exChanged && !crmChanged ? 'exchange' : 'crm';
    copyField(merged, source === 'exchange' ? exchangeItem : crmItem, field);
  }

  const mergedItem = merged as T;
  const differsFrom = (item: T | undefined) =>
    fields.filter((f) => !sameCanonical(fieldValue(type, mergedItem, f), fieldValue(type, item, f)));
  return {
    merged: mergedItem,
    changedInExchange,
    changedInCrm,
    conflicts,
    toExchange: differsFrom(exchangeItem),
    toCrm: differsFrom(crmItem),
  };
}
