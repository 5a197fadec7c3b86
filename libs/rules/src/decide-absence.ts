import type { DomainItem } from '@connector/core';
import { skip, type Decision } from './actions.js';
import { flowsFrom, type CompiledAbsenceRules } from './compile-rules.js';
import { decideDeletion } from './decide-delete.js';
import type { DecideInput } from './decide-input.js';
import { createOnOther, mergeLinked, resumeCreate, type Admission } from './decide-shared.js';
import { inWindow } from './filters/window.filter.js';

function admit(rules: CompiledAbsenceRules, now: string, item: DomainItem): Admission {
  return inWindow(item, rules.window, now) ? { asPrivate: rules.privateByDefault } : 'outside-window';
}

/** Absences are CRM-owned by default: Outlook edits and deletions are overwritten from the CRM. */
export function decideAbsence(input: DecideInput, rules: CompiledAbsenceRules): Decision {
  const { change, link, context } = input;
  if (change.kind === 'delete') return decideDeletion(input, rules, { exchangeDeletes: 'flag', recreate: (item) => admit(rules, context.now, item) });
  const admission = admit(rules, context.now, change.item as DomainItem);
  if (!link) {
    if (!flowsFrom(rules.direction, change.origin)) return skip('direction', 'absences created in Outlook do not travel');
    return typeof admission === 'string' ? skip(admission) : createOnOther(change.origin, change.item as DomainItem, admission.asPrivate, 'new absence');
  }
  const resumed = typeof admission === 'string' ? undefined : resumeCreate(input, rules, admission);
  return resumed ?? mergeLinked(input, rules, (merged) => admit(rules, context.now, merged));
}
