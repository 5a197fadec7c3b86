import type { CrmRef, DomainItem, ExchangeRef, LinkState, ObjectType, SyncLink } from '@connector/core';
import type { NewConflict } from '../conflicts/conflict-store.port.js';
import type { NewHistoryEntry } from '../history/history-store.port.js';

/** A stored link: the core `SyncLink` plus when the pair was first linked. */
export type StoredLink = SyncLink & { createdAt: string };

export interface NewLink {
  /** The link id (CRM LUID, Exchange correlation value); generated when absent. */
  id?: string;
  mailbox: string;
  objectType: ObjectType;
  exchange?: ExchangeRef;
  crm?: CrmRef;
  base?: DomainItem;
  state: LinkState;
}

/** Fields a compare-and-set may change; `null` clears a side or the base. */
export interface LinkPatch {
  exchange?: ExchangeRef | null;
  crm?: CrmRef | null;
  base?: DomainItem | null;
  state?: LinkState;
}

/**
 * The record of a decision, committed in the same transaction as the compare-and-set that applies
 * it: either both are stored or neither. Link id, mailbox and object type come from the link, and
 * so do the side ids a history entry leaves out.
 */
export interface DecisionRecord {
  history?: Array<Omit<NewHistoryEntry, 'linkId' | 'mailbox' | 'objectType'>>;
  conflicts?: Array<Omit<NewConflict, 'linkId'>>;
}

export interface CreateLinkResult {
  link: StoredLink;
  /** False when an existing link already held this id, Exchange item or CRM record. */
  created: boolean;
}

export interface LinkPage {
  links: StoredLink[];
  /** Pass as `after` for the next page; absent on the last page. */
  next?: string;
}

/**
 * The durable map of synchronised pairs. Versions: a new link is version 0; every successful
 * compare-and-set (including `markDeleted`) adds one. Deleted links keep both ids, so an item
 * stays matched to the same link (and LUID) if it ever comes back.
 */
export interface LinkStore {
  getLink(id: string): Promise<StoredLink | null>;
  findByExchangeId(mailbox: string, objectType: ObjectType, itemId: string): Promise<StoredLink | null>;
  findByCrmId(mailbox: string, objectType: ObjectType, recordId: string): Promise<StoredLink | null>;
  /**
   * Inserts the link unless a link with the same id, or the same Exchange item or CRM record in
   * this mailbox and object type, exists; then returns that one (`created: false`) untouched.
   * Safe under concurrency: two callers racing for one item get the same link.
   */
  createOrGetLink(link: NewLink): Promise<CreateLinkResult>;
  /**
   * Applies the patch only if the link is still at `expectedVersion`; returns the new row. With a
   * `record`, its history entries and conflicts commit together with the patch.
   * @throws StaleLinkError when another writer got there first (re-read and decide again)
   * @throws LinkNotFoundError, DuplicateLinkError (the patch claims an item another link holds)
   */
  compareAndSet(id: string, expectedVersion: number, patch: LinkPatch, record?: DecisionRecord): Promise<StoredLink>;
  /** `compareAndSet(id, expectedVersion, { state: 'deleted' })`. */
  markDeleted(id: string, expectedVersion: number): Promise<StoredLink>;
  /** Keyset paging by id, for slow-sync re-matching; deleted links included (filter on `state`). */
  listLinks(mailbox: string, objectType: ObjectType, page?: { after?: string; limit?: number }): Promise<LinkPage>;
}
