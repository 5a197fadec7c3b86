import type { DomainItem } from '@connector/core';
import { skip, type Decision } from './actions.js';
import { flowsFrom, type CompiledTaskRules } from './compile-rules.js';
import { decideDeletion } from './decide-delete.js';
import type { DecideInput } from './decide-input.js';
import { createOnOther, decision, mergeLinked, resumeCreate, type Admission } from './decide-shared.js';
import { inWindow } from './filters/window.filter.js';

const SYNC_AS_IS = { asPrivate: false } as const;

function admit(rules: CompiledTaskRules, now: string, item: DomainItem): Admission {
  return inWindow(item, rules.window, now) ? SYNC_AS_IS : 'outside-window';
}

function isDelegated(item: DomainItem | undefined): boolean {
  return item?.type === 'task' && item.isDelegated;
}

export function decideTask(input: DecideInput, rules: CompiledTaskRules): Decision {
  const { change, link, context } = input;
  const assigned = context.crmAssignedToUser !== false;
  const exchangeItem = change.origin === 'exchange' ? change.item : input.other?.item;
  if (change.kind === 'delete') {
    return decideDeletion(input, rules, { exchangeDeletes: 'flag', recreate: (item) => (assigned ? admit(rules, context.now, item) : 'not-assigned') });
  }
  // The CRM flags tasks that came from an Outlook assignment too: neither copy is synced.
  if (isDelegated(exchangeItem) || isDelegated(change.item)) return skip('delegated', 'tasks assigned through Outlook are not synced');
  if (!link) {
    if (!flowsFrom(rules.direction, change.origin)) return skip('direction', 'tasks created in Outlook do not travel');
    if (change.origin === 'crm' && !assigned) return skip('not-assigned');
    const admission = admit(rules, context.now, change.item as DomainItem);
    return typeof admission === 'string' ? skip(admission) : createOnOther(change.origin, change.item as DomainItem, false, 'new task');
  }
  // A reassigned task leaves this mailbox; the new owner's mailbox creates it in its own cycle.
  if (!assigned) {
    if (!link.exchange) return skip('not-assigned');
    return decision([{ name: 'DeleteInExchange', exchange: link.exchange }], 'task reassigned to another rep');
  }
  return resumeCreate(input, rules, SYNC_AS_IS) ?? mergeLinked(input, rules, (merged) => admit(rules, context.now, merged));
}
