import type { SyncLink } from '@connector/core';
import { skip, type Decision } from './actions.js';
import { decideAbsence } from './decide-absence.js';
import { decideAppointment } from './decide-appointment.js';
import { decideContact } from './decide-contact.js';
import { decideEmail } from './decide-email.js';
import type { ChangeInput, DecideInput } from './decide-input.js';
import { quarantine } from './decide-shared.js';
import { decideTask } from './decide-task.js';
import { validateItem } from './validate.js';

/** The change is the version we wrote ourselves (stored on the link after the write). */
function isEcho(link: SyncLink | undefined, change: ChangeInput): boolean {
  if (!link || change.kind !== 'upsert') return false;
  if (change.origin === 'exchange') {
    return !!link.exchange && !!change.exchange && link.exchange.itemId === change.exchange.itemId && link.exchange.changeKey === change.exchange.changeKey;
  }
  return !!link.crm && !!change.crm && link.crm.recordId === change.crm.recordId && link.crm.version === change.crm.version;
}

/**
 * THE sync decision: one item's change, the pair's link and the rules in, named actions out.
 * Pure: no I/O, no clock (the context carries `now`); the same input always gives the same
 * decision, and deciding again after applying its writes gives no further writes.
 */
export function decide(input: DecideInput): Decision {
  const { objectType, link, change } = input;
  const rules = input.rules[objectType];
  if (!rules.enabled) return skip('disabled', `${objectType} sync is disabled`);
  if (isEcho(link, change)) return skip('echo', 'our own write coming back');
  if (link?.state === 'deleted') return skip('already-deleted', 'the pair is already deleted');
  if (change.kind === 'upsert') {
    if (!change.item) return quarantine(change.origin, ['item: an upsert carries the item']);
    if (change.item.type !== objectType) return quarantine(change.origin, [`type: ${change.item.type} is not ${objectType}`]);
    const problems = validateItem(change.item);
    if (problems.length > 0) return quarantine(change.origin, problems);
  }
  switch (objectType) {
    case 'appointment':
      return decideAppointment(input, input.rules.appointment);
    case 'contact':
      return decideContact(input, input.rules.contact);
    case 'task':
      return decideTask(input, input.rules.task);
    case 'absence':
      return decideAbsence(input, input.rules.absence);
    case 'email':
      return decideEmail(input, input.rules.email);
  }
}
