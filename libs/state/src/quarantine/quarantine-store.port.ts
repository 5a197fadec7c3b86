import type { ObjectType, Side } from '@connector/core';

/** An item that failed validation or its retry budget; the payload is the job to retry it with. */
export interface QuarantineInput {
  mailbox: string;
  objectType: ObjectType;
  /** The side the item came from, with its id there (Exchange item id or CRM record id). */
  side: Side;
  sourceId: string;
  linkId?: string;
  errorCode: string;
  reason: string;
  payload: unknown;
}

export interface QuarantineEntry extends QuarantineInput {
  id: string;
  /** How often the item was quarantined, releases included: an item that keeps coming back shows it. */
  attempts: number;
  firstSeen: string;
  lastSeen: string;
  releasedAt?: string;
}

export interface QuarantineStore {
  /** Upsert per (mailbox, object type, side, source id): attempts + 1, latest error and payload, reopened if released. */
  quarantine(input: QuarantineInput): Promise<QuarantineEntry>;
  /** Open entries (all mailboxes when none given), most recently seen first. */
  listQuarantine(mailbox?: string, options?: { includeReleased?: boolean; limit?: number }): Promise<QuarantineEntry[]>;
  /** The open entry for one item, if any (e.g. to skip an item that is known bad). */
  findQuarantined(mailbox: string, objectType: ObjectType, side: Side, sourceId: string): Promise<QuarantineEntry | null>;
  /**
   * Releases an open entry for retry and returns it (its payload is the job to enqueue again);
   * null when unknown or already released, so two clicks on "retry" enqueue once.
   */
  releaseQuarantine(id: string): Promise<QuarantineEntry | null>;
}
