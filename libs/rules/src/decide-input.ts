import type { CrmRef, DomainItem, ExchangeRef, ObjectType, Side, SyncLink } from '@connector/core';
import type { CompiledRules } from './compile-rules.js';
import type { CrmContactRelation } from './filters/contact.filter.js';

/** One item's change as a poller saw it. */
export interface ChangeInput {
  readonly origin: Side;
  readonly kind: 'upsert' | 'delete';
  /** The item as it is now on the origin side; required for an upsert. */
  readonly item?: DomainItem | undefined;
  /** The version seen on the origin side (change key / CRM version), for echo suppression. */
  readonly exchange?: ExchangeRef | undefined;
  readonly crm?: CrmRef | undefined;
  /** When the origin side last modified the item; `newest-wins` compares it. */
  readonly lastModified?: string | undefined;
}

/** The item as it is now on the side that did not report the change. */
export interface OtherSideInput {
  readonly item: DomainItem;
  readonly lastModified?: string | undefined;
}

export interface DecideContext {
  /** The current instant (ISO); the decision never reads a clock. */
  readonly now: string;
  /** The mailbox's SMTP address. */
  readonly mailbox: string;
  /** Whether an address belongs to a user whose mailbox is synced (organizer rule). */
  readonly isSyncedUser: (address: string) => boolean;
  /** Contacts: the CRM person's relation to the user. Unknown → the contact counts as selected. */
  readonly crmRelation?: CrmContactRelation | undefined;
  /** Tasks: whether the CRM task's responsible rep is this mailbox's user. Unknown → it is. */
  readonly crmAssignedToUser?: boolean | undefined;
}

export interface DecideInput {
  readonly objectType: ObjectType;
  readonly link: SyncLink | undefined;
  readonly change: ChangeInput;
  /**
   * The other side's current item. Undefined when unknown: for a linked item the last synced
   * version (the link's base) stands in, since a change there arrives as its own job.
   */
  readonly other: OtherSideInput | undefined;
  readonly rules: CompiledRules;
  readonly context: DecideContext;
}
