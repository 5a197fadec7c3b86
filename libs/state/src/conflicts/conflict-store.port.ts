import type { ObjectType, Side } from '@connector/core';

/** One field changed on both sides since the merge base, and how the policy decided it. */
export interface NewConflict {
  linkId: string;
  field: string;
  baseValue?: unknown;
  exchangeValue?: unknown;
  crmValue?: unknown;
  /** The configured policy that decided (crm-wins, exchange-wins, newest-wins). */
  policy: string;
  winner: Side;
  cycleId?: string;
}

export interface Conflict extends NewConflict {
  id: string;
  mailbox: string;
  objectType: ObjectType;
  decidedAt: string;
  resolved: boolean;
  resolvedAt?: string;
}

export interface ConflictStore {
  /** @throws LinkNotFoundError when the link does not exist */
  recordConflict(conflict: NewConflict): Promise<Conflict>;
  /** Newest first; open ones only unless `includeResolved`. */
  listConflicts(mailbox: string, options?: { includeResolved?: boolean; limit?: number }): Promise<Conflict[]>;
  /** Marks a conflict as seen by a person; false when unknown or already resolved. */
  resolveConflict(id: string): Promise<boolean>;
}
