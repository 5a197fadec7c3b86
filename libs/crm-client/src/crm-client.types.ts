/** A server modification received by readChanges. */
export interface CrmChange {
  op: 'add' | 'replace' | 'delete';
  /** CRM record id (server GUID); absent on deletes, which name our LUID only. */
  recordId?: string;
  /** Our LUID (the link id) for replaces and deletes of records we mapped before. */
  luid?: string;
  /** Change sequence of the record version sent. */
  version?: string;
  contentType?: string;
  /** The record as the server encoded it (native CRM XML unless negotiated otherwise). */
  payload?: string;
}

export interface LuidMapping {
  recordId: string;
  /** Our LUID for the record: the link id. */
  luid: string;
}

export interface ReadResult {
  changes: CrmChange[];
  /** True when the server made it a slow sync (first sync, lost anchors): `changes` is everything. */
  slowSync: boolean;
  /** The anchor stored once `complete` succeeds. */
  nextAnchor: string;
  /**
   * Ends the session: sends the Map for server adds (record id → our LUID) and then stores the
   * anchor. Call it after the changes are safely handed on; if it is never called, the next
   * readChanges delivers the same changes again.
   */
  complete(mappings: readonly LuidMapping[]): Promise<void>;
}

export interface WriteItem {
  /** Our LUID (link id): the server recognises a repeated Add by it. */
  luid: string;
  op: 'add' | 'replace' | 'delete';
  /** Native CRM XML of the record (add, replace). */
  payload?: string;
  /** The CRM record id, when known (replace, delete), so the record is found even if never mapped. */
  recordId?: string;
}

export type WriteErrorKind = 'forbidden' | 'not-found' | 'invalid' | 'failed';

export interface WriteItemResult {
  luid: string;
  op: WriteItem['op'];
  /** The SyncML status the server gave the item (0 when it gave none). */
  status: number;
  ok: boolean;
  recordId?: string;
  version?: string;
  /** Why it failed, for the caller's error policy (403 → forbidden: permanent for this item). */
  error?: WriteErrorKind;
}
