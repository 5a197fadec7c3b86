import type { DomainItemOf } from '@connector/core';

/**
 * `own`: no organizer or the mailbox's user organizes; `synced`: another synced user organizes
 * (both also sync two-way); `foreign`: an external or non-synced organizer (published read-only).
 */
export type OrganizerKind = 'own' | 'synced' | 'foreign';

export function organizerKind(item: DomainItemOf<'appointment'>, mailbox: string, isSyncedUser: (address: string) => boolean): OrganizerKind {
  const organizer = item.organizer?.address.trim().toLowerCase();
  if (!organizer || organizer === mailbox.trim().toLowerCase()) return 'own';
  return isSyncedUser(organizer) ? 'synced' : 'foreign';
}

export function kindSynced(item: DomainItemOf<'appointment'>, crmTypes: readonly string[]): boolean {
  return crmTypes.includes(item.kind);
}
