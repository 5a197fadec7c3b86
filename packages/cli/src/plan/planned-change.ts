import type { CrmContext, CrmRef, DomainItem, ExchangeRef, ObjectType, Side } from '@connector/core';

/** One change a poller would hand to the rule engine, as the dry run reads it (never enqueued). */
export interface PlannedChange {
  origin: Side;
  kind: 'upsert' | 'delete';
  item?: DomainItem;
  exchange?: ExchangeRef;
  crm?: CrmRef;
  linkId?: string;
  crmContext?: CrmContext;
}

/** An item the poller could not turn into a change; the real cycle would quarantine it. */
export interface UnreadableItem {
  side: Side;
  id: string;
  reason: string;
}

export interface SideRead {
  changes: PlannedChange[];
  unreadable: UnreadableItem[];
  /** What the real cycle would do besides the changes, e.g. create a missing folder, a full/slow sync. */
  notes: string[];
}

export interface PlanTarget {
  mailbox: string;
  crmUser: string;
  crmUserId: string;
  objectType: ObjectType;
}
