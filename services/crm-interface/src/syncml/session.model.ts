import type { CommandDraft, ContentTypeRef, DevInf, LargeObjectAssembler } from '@connector/syncml';
import type { LargeObjectBudget } from './large-object.budget.js';
import type { DatastoreSpec, SyncUser } from './syncml-backend.port.js';

/** Where a session stands in the six-package exchange of OMA DS 1.2. */
export type SessionPhase = 'init' | 'client-mods' | 'server-mods' | 'map' | 'done';

/** A server modification not yet sent: what to do, for which record, under which LUID. */
export interface PlannedChange {
  op: 'add' | 'replace' | 'delete';
  recordId: string;
  luid?: string;
}

export interface DatastoreSession {
  spec: DatastoreSpec;
  /** Client's LocURI for the datastore (our Target in server modifications). */
  clientUri: string;
  /** Sync type in force (after a 508 this is 201). */
  syncType: number;
  /** Type we send items in. */
  sendType: ContentTypeRef;
  clientNext: string;
  serverNext: string;
  /** Server sequence the session syncs from (stored anchor) and up to (fixed at package 4). */
  fromSeq: string;
  uptoSeq?: string;
  /** Records the client wrote in this session: their versions, so they are not echoed back. */
  written: Map<string, string>;
  /** Records the client sent in this session (slow sync and refresh from client). */
  clientSent: Set<string>;
  plan?: PlannedChange[];
  planned: number;
  /** A Sync for this datastore went out in package 4 (an empty one counts). */
  syncSent: boolean;
  committed: boolean;
}

export interface PendingChunk {
  datastore: string;
  kind: 'Add' | 'Replace';
  contentType?: string;
}

export interface SyncSession {
  key: string;
  sessionId: string;
  deviceId: string;
  respToken: string;
  user?: SyncUser;
  /** Nonce the client must use for its next syncml:auth-md5 credential. */
  nonce: string;
  phase: SessionPhase;
  outMsgId: number;
  lastInMsgId: number;
  clientMaxMsgSize: number;
  clientMaxObjSize?: number;
  clientDevInf?: DevInf;
  devInfRequested: boolean;
  datastores: Map<string, DatastoreSession>;
  /** Commands that did not fit into the last message. */
  outbox: CommandDraft[];
  /** Server adds awaiting the client's Map, keyed by record id. */
  awaitingMap: Set<string>;
  assembler: LargeObjectAssembler;
  /** Engine-wide cap on buffered chunks (shared by all sessions). */
  chunkBudget: LargeObjectBudget;
  pendingChunk?: PendingChunk;
  /** A large object that failed mid-way: its remaining chunks get the same status and are dropped. */
  discarding?: { luid: string; status: number };
  expiresAt: number;
}
