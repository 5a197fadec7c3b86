import type { DomainItem, DomainItemOf } from '@connector/core';
import { skip, type Decision } from './actions.js';
import { flowsFrom, type CompiledAppointmentRules } from './compile-rules.js';
import { decideDeletion } from './decide-delete.js';
import type { DecideInput } from './decide-input.js';
import { createOnOther, decision, mergeLinked, resumeCreate, type Admission } from './decide-shared.js';
import { kindSynced, organizerKind } from './filters/appointment.filter.js';
import { privateTreatment } from './filters/private.filter.js';
import { inDeletionWindow, inWindow } from './filters/window.filter.js';
import { differingFields, syncedFields } from './fields/projection.js';

type Appointment = DomainItemOf<'appointment'>;

/** Window, kind and private rule; leaving them only ever skips, it never deletes or cancels. */
function admit(rules: CompiledAppointmentRules, now: string, item: DomainItem, checkKind: boolean): Admission {
  const appointment = item as Appointment;
  if (checkKind && !kindSynced(appointment, rules.crmTypes)) return 'kind-not-synced';
  const privacy = privateTreatment(rules.privateItems, appointment);
  if (privacy === 'skip') return 'private';
  if (!inWindow(appointment, rules.window, now)) return 'outside-window';
  return privacy;
}

/** A meeting of a foreign organizer lives in the CRM as a read-only copy that follows Exchange. */
function decidePublished(input: DecideInput, rules: CompiledAppointmentRules): Decision {
  const { change, link } = input;
  if (change.origin === 'crm') return skip('published-read-only', 'published meetings are never written back to Exchange');
  if (change.kind === 'delete') {
    if (!inDeletionWindow(link?.base, rules.window, input.context.now)) return skip('deletion-outside-window');
    return decision([{ name: rules.exchangeDeletes === 'flag' ? 'FlagDeletedInCrm' : 'DeleteInCrm', crm: link?.crm }], 'published meeting deleted in Exchange');
  }
  const item = change.item as Appointment;
  const admission = admit(rules, input.context.now, item, false);
  if (typeof admission === 'string') return skip(admission);
  const base = link?.base;
  const changed = differingFields('appointment', base, item, syncedFields('appointment', [base, item]));
  if (base && changed.length === 0) return skip('no-change', 'published meeting unchanged');
  return decision([{ name: 'Publish', crm: link?.crm, item, asPrivate: admission.asPrivate }], `published meeting changed: ${changed.join(', ')}`, [], item);
}

function decideNew(input: DecideInput, rules: CompiledAppointmentRules): Decision {
  const { change, context } = input;
  const item = change.item as Appointment;
  if (!flowsFrom(rules.direction, change.origin)) return skip('direction');
  if (change.origin === 'crm') {
    const admission = admit(rules, context.now, item, true);
    return typeof admission === 'string' ? skip(admission) : createOnOther('crm', item, admission.asPrivate, 'new CRM appointment');
  }
  if (rules.newOnlyFromCrm) return skip('new-only-from-crm', 'new appointments come only from the CRM');
  const admission = admit(rules, context.now, item, false);
  if (typeof admission === 'string') return skip(admission);
  if (organizerKind(item, context.mailbox, context.isSyncedUser) === 'foreign') {
    if (!rules.publishForeignOrganizer) return skip('foreign-organizer');
    return decision([{ name: 'Publish', crm: undefined, item, asPrivate: admission.asPrivate }], `organizer ${item.organizer?.address} is not a synced user: published read-only`, [], item);
  }
  return createOnOther('exchange', item, admission.asPrivate, 'new Exchange appointment');
}

export function decideAppointment(input: DecideInput, rules: CompiledAppointmentRules): Decision {
  const { change, link, context } = input;
  if (link?.state === 'published') return decidePublished(input, rules);
  if (change.kind === 'delete') {
    return decideDeletion(input, rules, { exchangeDeletes: rules.exchangeDeletes, recreate: (item) => admit(rules, context.now, item, false) });
  }
  if (!link) return decideNew(input, rules);
  const admission = admit(rules, context.now, change.item as DomainItem, change.origin === 'crm');
  const resumed = typeof admission === 'string' ? undefined : resumeCreate(input, rules, admission);
  if (resumed) return resumed;
  return mergeLinked(input, rules, (merged) => admit(rules, context.now, merged, true));
}
