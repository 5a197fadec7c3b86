import type { DomainItem, Side } from '@connector/core';
import type { Action, Decision, SkipReason } from './actions.js';
import { skip } from './actions.js';
import { fieldDirection, flowsFrom, type CompiledTypeRules } from './compile-rules.js';
import type { DecideInput } from './decide-input.js';
import { differingFields, syncedFields } from './fields/projection.js';
import { mergeFields, type FieldConflict } from './merge.js';
import { validateItem } from './validate.js';

/** A filter's verdict: a skip reason, or admitted (and whether the written copy is marked private). */
export type Admission = SkipReason | { readonly asPrivate: boolean };

export const SIDE_LABEL: Record<Side, string> = { exchange: 'Exchange', crm: 'CRM' };

export function decision(actions: Action[], reason: string, conflicts: readonly FieldConflict[] = [], base?: DomainItem): Decision {
  return { actions, conflicts, reason, base };
}

export function quarantine(side: Side, problems: readonly string[]): Decision {
  return decision([{ name: 'Quarantine', reason: 'invalid', side, problems }], `invalid item from ${SIDE_LABEL[side]}: ${problems.join('; ')}`);
}

/** Creates the item on the side that did not report it; the written item becomes the base. */
export function createOnOther(origin: Side, item: DomainItem, asPrivate: boolean, reason: string): Decision {
  const name = origin === 'exchange' ? 'CreateInCrm' : 'CreateInExchange';
  return decision([{ name, item, asPrivate }], reason, [], item);
}

/** Creates the item again on the side that lost it, from the side that owns it. */
export function recreateOn(side: Side, item: DomainItem, asPrivate: boolean, reason: string): Decision {
  return createOnOther(side === 'exchange' ? 'crm' : 'exchange', item, asPrivate, reason);
}

export function mappedExtras(rules: CompiledTypeRules): string[] {
  return rules.fieldMapping.map((m) => m.field);
}

function describe(changedIn: Record<Side, string[]>, conflicts: readonly FieldConflict[]): string {
  const parts: string[] = [];
  for (const side of ['exchange', 'crm'] as const) if (changedIn[side].length > 0) parts.push(`${changedIn[side].join(', ')} changed in ${SIDE_LABEL[side]}`);
  for (const c of conflicts) parts.push(`conflict on ${c.field}: ${SIDE_LABEL[c.winner]} wins (${c.policy})`);
  return parts.join('; ');
}

/** The other side is unknown and there is no base: write what the origin may send, in full. */
function writeWithoutBase(input: DecideInput, rules: CompiledTypeRules, item: DomainItem, admission: { asPrivate: boolean }): Decision {
  const origin = input.change.origin;
  const fields = syncedFields(item.type, [item], mappedExtras(rules)).filter((f) => flowsFrom(fieldDirection(rules.fieldDirections, rules.direction, f), origin));
  if (fields.length === 0) return skip('direction', `no field may flow from ${SIDE_LABEL[origin]}`);
  const reason = `no synced version known: ${SIDE_LABEL[origin]} version written in full`;
  const action: Action =
    origin === 'exchange'
      ? { name: 'UpdateCrmFromExchange', crm: input.link?.crm, item, fields, asPrivate: admission.asPrivate }
      : { name: 'UpdateExchangeFromCrm', exchange: input.link?.exchange, item, fields, asPrivate: admission.asPrivate };
  return decision([action], reason, [], item);
}

/**
 * A linked item changed on one side: three-way merge against the link's base, then write each
 * side only the fields whose merged value differs from what it holds. `admit` judges the merged
 * item (window, private, kind): a skip never deletes anything.
 */
export function mergeLinked(input: DecideInput, rules: CompiledTypeRules, admit: (merged: DomainItem) => Admission): Decision {
  const { change, link } = input;
  const item = change.item as DomainItem;
  const base = link?.base;
  const otherItem = input.other?.item ?? base;
  if (!otherItem) {
    const admission = admit(item);
    return typeof admission === 'string' ? skip(admission) : writeWithoutBase(input, rules, item, admission);
  }
  const [exchangeItem, crmItem] = change.origin === 'exchange' ? [item, otherItem] : [otherItem, item];
  const timestamps =
    change.origin === 'exchange'
      ? { exchange: change.lastModified, crm: input.other?.lastModified }
      : { exchange: input.other?.lastModified, crm: change.lastModified };
  const result = mergeFields(base, exchangeItem, crmItem, rules.conflictPolicy, rules.fieldDirections, timestamps, {
    defaultDirection: rules.direction,
    mappedExtras: mappedExtras(rules),
  });
  const merged = result.merged;
  const problems = validateItem(merged);
  if (problems.length > 0) return quarantine(change.origin, problems.map((p) => `merged ${p}`));
  const admission = admit(merged);
  if (typeof admission === 'string') return skip(admission);

  const fields = syncedFields(merged.type, [base, merged], mappedExtras(rules));
  const baseMoved = !base || differingFields(merged.type, base, merged, fields).length > 0;
  const reason = describe({ exchange: result.changedInExchange, crm: result.changedInCrm }, result.conflicts);
  if (result.toExchange.length === 0 && result.toCrm.length === 0) {
    return decision([{ name: 'Skip', reason: 'no-change' }], reason || 'no synced field changed', [], baseMoved ? merged : undefined);
  }
  const { asPrivate } = admission;
  const actions: Action[] = [];
  if (result.toExchange.length > 0 && result.toCrm.length > 0) {
    actions.push({ name: 'MergeAndUpdateBoth', exchange: link?.exchange, crm: link?.crm, item: merged, exchangeFields: result.toExchange, crmFields: result.toCrm, asPrivate });
  } else if (result.toExchange.length > 0) {
    actions.push({ name: 'UpdateExchangeFromCrm', exchange: link?.exchange, item: merged, fields: result.toExchange, asPrivate });
  } else {
    actions.push({ name: 'UpdateCrmFromExchange', crm: link?.crm, item: merged, fields: result.toCrm, asPrivate });
  }
  if (result.conflicts.length > 0) actions.push({ name: 'Conflict', conflicts: result.conflicts });
  return decision(actions, reason, result.conflicts, merged);
}

/**
 * The link exists but the other side's item was never confirmed (a create in flight or lost):
 * the create is issued again; the writer finds a half-done one by the link id.
 */
export function resumeCreate(input: DecideInput, rules: CompiledTypeRules, admission: { asPrivate: boolean }): Decision | undefined {
  const { link, change } = input;
  if (!link || !change.item || !flowsFrom(rules.direction, change.origin)) return undefined;
  const missing = change.origin === 'exchange' ? !link.crm : !link.exchange;
  if (!missing) return undefined;
  return createOnOther(change.origin, change.item, admission.asPrivate, `create in ${SIDE_LABEL[change.origin === 'exchange' ? 'crm' : 'exchange']} not confirmed yet: issued again`);
}
