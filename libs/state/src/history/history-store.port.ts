import type { ActionName, ObjectType, Side } from '@connector/core';

export const HISTORY_OUTCOMES = ['decided', 'applied', 'skipped', 'stale', 'failed', 'quarantined'] as const;
export type HistoryOutcome = (typeof HISTORY_OUTCOMES)[number];

/** One decision about one item, as "show an item's history" lists it. */
export interface NewHistoryEntry {
  linkId?: string;
  mailbox: string;
  objectType: ObjectType;
  /** The side whose change led to the decision; absent when the connector itself started it (slow sync). */
  origin?: Side;
  exchangeItemId?: string;
  crmRecordId?: string;
  /** The rule or reason, e.g. "subject changed in Exchange". */
  rule: string;
  action: ActionName;
  outcome: HistoryOutcome;
  detail?: string;
  cycleId?: string;
}

export interface HistoryEntry extends NewHistoryEntry {
  id: string;
  at: string;
}

/** An item named by its link or by either side's id. */
export type ItemRef =
  | { linkId: string }
  | { mailbox: string; objectType: ObjectType; exchangeItemId: string }
  | { mailbox: string; objectType: ObjectType; crmRecordId: string };

export interface HistoryStore {
  recordHistory(entry: NewHistoryEntry): Promise<HistoryEntry>;
  /**
   * Every entry that touched the item, oldest first (the latest `limit`, default 200): entries
   * recorded with its link id or with either side's id, however the item is named.
   */
  historyFor(ref: ItemRef, options?: { limit?: number }): Promise<HistoryEntry[]>;
}
