import type { ObjectType, Side } from '@connector/core';
import type { Rules } from '@connector/config';

/**
 * Which sides a cycle of one object type reads. A side is read when changes there can matter:
 * its own changes travel, or the other side owns the items and Outlook edits/deletes must be
 * overwritten or recreated (contacts, absences), or status flows back (tasks).
 */
export function pollSides(objectType: ObjectType, rules: Rules): Side[] {
  const rule = rules[objectType];
  if (!rule.enabled || rule.direction === 'none') return [];
  switch (rule.direction) {
    case 'exchange-to-crm':
      return ['exchange'];
    case 'crm-to-exchange':
      // The CRM owns these items, but the Exchange copies are watched so edits are overwritten.
      return ['crm', 'exchange'];
    case 'both':
      return ['crm', 'exchange'];
  }
}
