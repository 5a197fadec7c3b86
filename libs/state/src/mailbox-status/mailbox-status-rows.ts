import type { ObjectType } from '@connector/core';
import type { CycleSummary, ErrorSummary, MailboxStatus } from './mailbox-status-store.port.js';

export interface StatusRow {
  mailbox: string;
  enabled: boolean;
  consecutive_failures: number;
  suspended_since: Date | null;
  suspended_reason: string | null;
  next_retry_at: Date | null;
  updated_at: Date;
}

export interface CycleRow {
  mailbox: string;
  object_type: string;
  cycle_id: string;
  started_at: Date;
  finished_at: Date;
  created_in_crm: number;
  updated_in_crm: number;
  deleted_in_crm: number;
  created_in_exchange: number;
  updated_in_exchange: number;
  deleted_in_exchange: number;
  errors: number;
}

export interface ErrorRow {
  mailbox: string;
  code: string;
  count: string;
  last_at: Date;
  last_message: string;
}

export function toCycle(row: CycleRow): CycleSummary {
  return {
    objectType: row.object_type as ObjectType,
    cycleId: row.cycle_id,
    startedAt: row.started_at.toISOString(),
    finishedAt: row.finished_at.toISOString(),
    counts: {
      createdInCrm: row.created_in_crm,
      updatedInCrm: row.updated_in_crm,
      deletedInCrm: row.deleted_in_crm,
      createdInExchange: row.created_in_exchange,
      updatedInExchange: row.updated_in_exchange,
      deletedInExchange: row.deleted_in_exchange,
      errors: row.errors,
    },
  };
}

export function toError(row: ErrorRow): ErrorSummary {
  return { code: row.code, count: Number(row.count), lastAt: row.last_at.toISOString(), lastMessage: row.last_message };
}

export function toStatus(row: StatusRow, cycles: CycleSummary[], recentErrors: ErrorSummary[]): MailboxStatus {
  const status: MailboxStatus = {
    mailbox: row.mailbox,
    enabled: row.enabled,
    suspended: row.suspended_since !== null,
    consecutiveFailures: row.consecutive_failures,
    cycles,
    recentErrors,
    updatedAt: row.updated_at.toISOString(),
  };
  if (row.suspended_since) status.suspendedSince = row.suspended_since.toISOString();
  if (row.suspended_reason !== null) status.suspendedReason = row.suspended_reason;
  if (row.next_retry_at) status.nextRetryAt = row.next_retry_at.toISOString();
  return status;
}
