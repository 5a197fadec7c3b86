import type { ObjectType } from '@connector/core';

export const CYCLE_COUNT_KEYS = [
  'createdInCrm',
  'updatedInCrm',
  'deletedInCrm',
  'createdInExchange',
  'updatedInExchange',
  'deletedInExchange',
  'errors',
] as const;
export type CycleCounts = Record<(typeof CYCLE_COUNT_KEYS)[number], number>;

export interface CycleInput {
  cycleId: string;
  startedAt: Date | string;
  finishedAt: Date | string;
  /** Missing counts are 0. */
  counts: Partial<CycleCounts>;
}

export interface CycleSummary {
  objectType: ObjectType;
  cycleId: string;
  startedAt: string;
  finishedAt: string;
  counts: CycleCounts;
}

/** Errors of the retention window grouped by code, most recent first. */
export interface ErrorSummary {
  code: string;
  count: number;
  lastAt: string;
  lastMessage: string;
}

/** Where a mailbox stands after an access attempt. */
export interface AccessState {
  suspended: boolean;
  consecutiveFailures: number;
  /** While suspended: when the next (slow) retry is due. */
  nextRetryAt?: string;
}

export interface MailboxStatus extends AccessState {
  mailbox: string;
  enabled: boolean;
  suspendedSince?: string;
  suspendedReason?: string;
  /** The last finished cycle per object type. */
  cycles: CycleSummary[];
  recentErrors: ErrorSummary[];
  updatedAt: string;
}

export interface AccessFailure {
  code: string;
  message: string;
}

export interface MailboxStatusStore {
  setEnabled(mailbox: string, enabled: boolean): Promise<void>;
  /** Replaces the mailbox's last cycle of this object type. */
  recordCycle(mailbox: string, objectType: ObjectType, cycle: CycleInput): Promise<void>;
  /** An error event for the dashboard's "recent errors by code"; old events are pruned. */
  recordError(mailbox: string, error: AccessFailure & { objectType?: ObjectType }): Promise<void>;
  /**
   * Counts a consecutive access failure (and records it as an error). At the configured threshold
   * the mailbox is suspended; every further failure pushes the next retry out by the slow delay.
   */
  recordAccessFailure(mailbox: string, failure: AccessFailure): Promise<AccessState>;
  /** Any successful access resets the count and lifts a suspension. */
  recordAccessSuccess(mailbox: string): Promise<AccessState>;
  /** False when the mailbox is disabled, or suspended and its next retry is not yet due. */
  canAttempt(mailbox: string): Promise<boolean>;
  mailboxStatus(mailbox: string): Promise<MailboxStatus | null>;
  listMailboxStatus(): Promise<MailboxStatus[]>;
}
