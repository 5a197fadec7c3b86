import type { Readable } from 'node:stream';
import type { DomainItemOf, ExchangeRef, ObjectType } from '@connector/core';
import type { ExchangeError } from './errors/exchange.error.js';

/**
 * The connector's only door to Exchange. Every call names the mailbox it acts on (the gateway
 * impersonates it with the one service account), so one gateway serves all mailboxes of a server
 * and can pace each mailbox separately. Batched calls answer per item, in input order: one bad
 * item never fails its neighbours.
 */
export interface ExchangePort {
  /**
   * Resolves a folder path to its id, creating missing folders when `create` is set.
   * Paths start at a distinguished folder whatever its display name: `/<inbox>/CRM`,
   * `/<contacts>/CRM Contacts`, `/<calendar>`, `/<tasks>`, `/<msgfolderroot>/Archive`.
   * Without `create`, a missing folder throws EXCHANGE_FOLDER_NOT_FOUND.
   */
  resolveFolder(mailbox: string, path: string, options?: { create?: boolean }): Promise<FolderRef>;

  /** Every folder below `folderId`, at any depth (FindFolder Deep), each with its parent's id. */
  listSubfolders(mailbox: string, folderId: string): Promise<SubfolderRef[]>;

  /**
   * One page of the folder's change feed (SyncFolderItems). No `syncState` = full sync from
   * scratch. A state the server no longer accepts throws EXCHANGE_INVALID_SYNC_STATE: drop it
   * and start again without one. Store `page.syncState` only after the page's changes are handled.
   */
  syncFolderItems(mailbox: string, request: ChangeFeedRequest): Promise<ChangePage>;

  /** Batched GetItem with the type's property set, mapped to the domain model. */
  getItems<T extends ObjectType>(mailbox: string, type: T, itemIds: readonly string[]): Promise<ItemResult<FetchedItem<T>>[]>;

  /** Batched CreateItem; each item is stamped with its link id (see `findByLinkId`). */
  createItems<T extends ObjectType>(mailbox: string, type: T, folderId: string, items: readonly NewItem<T>[]): Promise<ItemResult<ExchangeRef>[]>;

  /**
   * Batched UpdateItem of the named fields only (SetItemField, or DeleteItemField where the new
   * value is absent/empty). With `conflict: 'fail'` (the default) a change key that is no longer
   * current yields EXCHANGE_CONFLICT for that item; `'overwrite'` forces the write.
   */
  updateItems<T extends ObjectType>(mailbox: string, type: T, updates: readonly ItemUpdate<T>[], options?: { conflict?: 'fail' | 'overwrite' }): Promise<ItemResult<ExchangeRef>[]>;

  /** Batched DeleteItem; never sends meeting cancellations. An already missing item counts as deleted. */
  deleteItems(mailbox: string, itemIds: readonly string[], options?: { deleteType?: DeleteType }): Promise<ItemResult<{ itemId: string }>[]>;

  /** The item in `folderId` stamped with this link id (FindItem IsEqualTo on our named property). */
  findByLinkId(mailbox: string, folderId: string, linkId: string): Promise<ExchangeRef | undefined>;

  /** Adds categories and sets/clears our marker properties on one item; returns its new ref. */
  markItem(mailbox: string, ref: ExchangeRef, mark: ItemMark): Promise<ExchangeRef>;

  /** Reads categories and marker properties of items. */
  readMarks(mailbox: string, itemIds: readonly string[]): Promise<ItemResult<ItemMarks>[]>;

  /** Moves an item; Exchange gives it a new id, returned here. */
  moveItem(mailbox: string, itemId: string, folderId: string): Promise<ExchangeRef>;

  /** The message's MIME (decoded bytes). See README "limits" for how much sits in memory. */
  openMimeStream(mailbox: string, itemId: string): Promise<Readable>;

  /** One file attachment's content (decoded bytes). */
  openAttachmentStream(mailbox: string, attachmentId: string): Promise<Readable>;

  /** Releases connections and timers. */
  close(): Promise<void>;
}

export interface FolderRef {
  folderId: string;
  changeKey?: string;
  /** The path as asked for, e.g. `/<inbox>/CRM`. */
  path: string;
  displayName: string;
  created: boolean;
}

export interface SubfolderRef {
  folderId: string;
  parentId: string;
  displayName: string;
}

/** Exchange caps a page at 512 changes. */
export const MAX_CHANGES_PER_PAGE = 512;

export interface ChangeFeedRequest {
  folderId: string;
  syncState?: string;
  /** 1..512, default 512. */
  maxChanges?: number;
}

export type ItemChange =
  | { kind: 'created' | 'updated'; itemId: string; changeKey: string }
  | { kind: 'deleted'; itemId: string }
  | { kind: 'readFlag'; itemId: string; isRead: boolean };

export interface ChangePage {
  changes: ItemChange[];
  syncState: string;
  moreAvailable: boolean;
}

export type ItemResult<T> = { ok: true; value: T } | { ok: false; itemId?: string; error: ExchangeError };

/** Our own named properties (in the connector's property set), readable and writable by name. */
export type MarkerProperty = 'linkId' | 'crmId' | 'failureReason';

export interface FetchedItem<T extends ObjectType> {
  ref: ExchangeRef;
  item: DomainItemOf<T>;
  /** Our markers found on the item (`linkId` present = created or adopted by the connector). */
  markers: Partial<Record<MarkerProperty, string>>;
  /** Calendar items only: an absence block (written as one by the connector) or an appointment. */
  calendarKind?: 'appointment' | 'absence';
}

export interface NewItem<T extends ObjectType> {
  linkId: string;
  item: DomainItemOf<T>;
}

/** A field of a domain item, by name (`type` never changes). */
export type ItemField<T extends ObjectType> = Exclude<keyof DomainItemOf<T>, 'type'>;

export interface ItemUpdate<T extends ObjectType> {
  ref: ExchangeRef;
  /** The item's new state; only `changedFields` are written from it. */
  item: DomainItemOf<T>;
  changedFields: readonly ItemField<T>[];
}

export type DeleteType = 'hardDelete' | 'softDelete' | 'moveToDeletedItems';

export interface ItemMark {
  addCategories?: string[];
  /** A value sets the property; `null` deletes it. */
  properties?: Partial<Record<MarkerProperty, string | null>>;
}

export interface ItemMarks {
  ref: ExchangeRef;
  categories: string[];
  markers: Partial<Record<MarkerProperty, string>>;
}
