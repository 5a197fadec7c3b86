import type { DomainItem } from '@connector/core';
import { skip, type Decision } from './actions.js';
import { flowsFrom, type CompiledTypeRules } from './compile-rules.js';
import type { DecideInput } from './decide-input.js';
import { decision, recreateOn, SIDE_LABEL, type Admission } from './decide-shared.js';
import { inDeletionWindow } from './filters/window.filter.js';

export interface DeletionOptions {
  /** What an Exchange delete does in the CRM when it may travel there. */
  readonly exchangeDeletes: 'flag' | 'delete';
  /** Judges the owning side's item before it is recreated on the side that lost it. */
  readonly recreate: (item: DomainItem) => Admission;
}

/**
 * A tombstone from one side. If this side's changes may travel, the pair is deleted (or flagged)
 * on the other side; if the other side owns the item, it is recreated where it was deleted.
 */
export function decideDeletion(input: DecideInput, rules: CompiledTypeRules, options: DeletionOptions): Decision {
  const { link, change } = input;
  if (!link) return skip('unknown-item', 'deletion of an item that was never synced');
  const known = input.other?.item ?? link.base;
  if (known && !inDeletionWindow(known, rules.window, input.context.now)) {
    return skip('deletion-outside-window', `deleted item is older than ${rules.window.deletionPastDays} days`);
  }
  const origin = change.origin;
  const deletedIn = `deleted in ${SIDE_LABEL[origin]}`;
  if (flowsFrom(rules.direction, origin)) {
    if (origin === 'crm') return decision([{ name: 'DeleteInExchange', exchange: link.exchange }], deletedIn);
    return options.exchangeDeletes === 'flag'
      ? decision([{ name: 'FlagDeletedInCrm', crm: link.crm }], `${deletedIn}: CRM record flagged`)
      : decision([{ name: 'DeleteInCrm', crm: link.crm }], deletedIn);
  }
  if (!known) return skip('unknown-item', `${deletedIn}, no version to recreate it from`);
  const admission = options.recreate(known);
  if (typeof admission === 'string') return skip(admission);
  return recreateOn(origin, known, admission.asPrivate, `${deletedIn}, owned by ${SIDE_LABEL[origin === 'exchange' ? 'crm' : 'exchange']}: recreated`);
}
