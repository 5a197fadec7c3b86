import type { DomainItem } from '@connector/core';
import type { PrivateItems } from '../compile-rules.js';

/** Private and confidential items follow the private-items rule; absences are always personal. */
export function isPrivate(item: DomainItem): boolean {
  if (item.type === 'appointment' || item.type === 'email') return item.sensitivity === 'private' || item.sensitivity === 'confidential';
  return false;
}

/**
 * `skip` when the rule keeps private items out; otherwise whether the written copy is marked
 * private on the target side (`sync` copies the item as it is, `sync-as-private` marks it).
 */
export function privateTreatment(rule: PrivateItems, item: DomainItem): 'skip' | { asPrivate: boolean } {
  if (!isPrivate(item)) return { asPrivate: false };
  if (rule === 'skip') return 'skip';
  return { asPrivate: rule === 'sync-as-private' };
}
