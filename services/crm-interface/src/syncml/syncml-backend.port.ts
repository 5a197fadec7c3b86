import type { ContentTypeRef } from '@connector/syncml';

/** The CRM user a SyncML session acts for. */
export interface SyncUser {
  userId: string;
  login: string;
  /** Carried for the rights model; the engine does not look at it. */
  salesGroup: string | null;
}

/** One SyncML datastore (one CRM object type) as the engine sees it. */
export interface DatastoreSpec {
  /** Server LocURI, e.g. `contacts`. */
  name: string;
  /** Other LocURIs standard clients use for it (`card`, `calendar`, ...). */
  aliases: readonly string[];
  displayName: string;
  /** The native CRM XML type, e.g. `application/vnd.crm-exchange.contact+xml`. */
  nativeType: ContentTypeRef;
  /** Every type the store encodes and decodes, native first, then the standard ones. */
  contentTypes: readonly ContentTypeRef[];
  /** What a client gets when it tells us nothing about what it speaks. */
  fallbackType: ContentTypeRef;
}

export interface ChangeRef {
  recordId: string;
  kind: 'upsert' | 'delete';
}

export interface ChangePage {
  changes: ChangeRef[];
  /** Pass back to get the next page; absent on the last page. */
  cursor?: string;
}

export interface RecordPage {
  recordIds: string[];
  cursor?: string;
}

export interface EncodedRecord {
  recordId: string;
  /** Change sequence of the last write, the version the connector compares. */
  version: string;
  data: string;
}

/** Per-item outcome of a write; the engine turns it into the item's SyncML status. */
export type WriteOutcome =
  | { result: 'created' | 'updated' | 'unchanged' | 'deleted'; recordId: string; version: string }
  /** An add found the record it duplicates (same e-mail Message-ID for the same user). */
  | { result: 'existing'; recordId: string; version: string }
  | { result: 'forbidden' | 'not-found' | 'invalid' | 'unsupported-type'; message: string };

/** Sync state per (user, device, datastore), committed when a session completes. */
export interface StoredAnchor {
  /** The client's Next anchor of the last completed session (its Last next time). */
  clientAnchor: string | null;
  serverAnchor: string | null;
  /** Changes up to this change sequence have been delivered to the device. */
  serverSeq: string;
}

export interface SyncScope {
  user: SyncUser;
  deviceId: string;
  datastore: DatastoreSpec;
}

export interface LuidMapping {
  luid: string;
  recordId: string;
}

/**
 * Everything the SyncML engine needs from the CRM. The engine holds no SQL and knows no record
 * format; an adapter implements this over the repositories, the sync-state store and the formats.
 */
export interface SyncmlBackend {
  datastores(): readonly DatastoreSpec[];

  /** An enabled user by login (for token claims); null when unknown or not enabled. */
  findUser(login: string): Promise<SyncUser | null>;
  /** syncml:auth-basic: null when the login is unknown or the password wrong. */
  verifyPassword(login: string, password: string): Promise<SyncUser | null>;
  /** syncml:auth-md5: `digest` is the client's Cred data, `nonce` the raw bytes of our last NextNonce. */
  verifyMd5(login: string, nonce: Buffer, digest: string): Promise<SyncUser | null>;

  /** A change sequence below which every write has committed (the next server anchor). */
  watermark(): Promise<string>;
  /** Changes after `sinceSeq` up to `uptoSeq` of records the user can read, plus deletions. */
  changesSince(scope: SyncScope, sinceSeq: string, uptoSeq: string, cursor?: string): Promise<ChangePage>;
  /** Every record the user can read in the datastore (slow sync, refresh from server). */
  listRecords(scope: SyncScope, cursor?: string): Promise<RecordPage>;
  /** The readable records among `recordIds`, encoded in `contentType`; unreadable ones are left out. */
  readRecords(scope: SyncScope, recordIds: readonly string[], contentType: string): Promise<EncodedRecord[]>;

  add(scope: SyncScope, contentType: string, data: string): Promise<WriteOutcome>;
  replace(scope: SyncScope, recordId: string, contentType: string, data: string): Promise<WriteOutcome>;
  remove(scope: SyncScope, recordId: string): Promise<WriteOutcome>;

  getAnchor(scope: SyncScope): Promise<StoredAnchor | null>;
  setAnchor(scope: SyncScope, anchor: StoredAnchor): Promise<void>;

  /** LUID → record id for the given LUIDs that are mapped. */
  recordsForLuids(scope: SyncScope, luids: readonly string[]): Promise<Map<string, string>>;
  /** Record id → LUID for the given records that are mapped. */
  luidsForRecords(scope: SyncScope, recordIds: readonly string[]): Promise<Map<string, string>>;
  /** Stores mappings; a record mapped under another LUID is re-mapped to the new one. */
  putMappings(scope: SyncScope, mappings: readonly LuidMapping[]): Promise<void>;
  /** Removes the given LUIDs, or every mapping of the scope when `luids` is undefined. */
  removeMappings(scope: SyncScope, luids?: readonly string[]): Promise<void>;
  listMappings(scope: SyncScope): Promise<LuidMapping[]>;
}
