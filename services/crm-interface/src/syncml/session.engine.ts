import { randomBytes } from 'node:crypto';
import type { TokenVerifier } from '@connector/crm-token';
import type { Command, CommandDraft, SyncHdr, SyncMLMessage } from '@connector/syncml';
import { ALERT, LargeObjectAssembler, STATUS, headerStatus, isSyncTypeAlert, packMessage } from '@connector/syncml';
import { handleSyncAlert, scopeOf } from './alert.handler.js';
import { handleClientSync } from './client-sync.handler.js';
import { MD5_AUTH_TYPE, createAuthenticator, newNonce, type Authenticator } from './credentials.js';
import { DEVINF_URI_12, serverDevInf } from './devinf.builder.js';
import { LargeObjectBudget } from './large-object.budget.js';
import { handleMap } from './map.handler.js';
import { Reply } from './reply.builder.js';
import { planServerChanges } from './server-changes.planner.js';
import { nextServerPage, serverChangesPending } from './server-changes.pager.js';
import type { DatastoreSession, SyncSession } from './session.model.js';
import { SessionStore, type SessionStoreOptions } from './session.store.js';
import type { SyncmlBackend } from './syncml-backend.port.js';

export const DEVINF_TYPE = 'application/vnd.syncml-devinf+xml';

export interface SyncmlEngineOptions {
  backend: SyncmlBackend;
  verifier: TokenVerifier;
  /** Session lifetime and count (see SessionStore). */
  sessions?: Omit<SessionStoreOptions, 'onDrop'>;
  /** What a client may send us in one message (advertised in every SyncHdr). Default 1 MiB. */
  maxMsgSize?: number;
  /** Largest object we accept (reassembled from MoreData chunks). Default 20 MiB. */
  maxObjSize?: number;
  /** Assumed when a client does not state its MaxMsgSize. Default 512 KiB. */
  defaultClientMaxMsgSize?: number;
  /** Cap on large-object chunks buffered across all sessions. Default 256 MiB. */
  largeObjectBudgetBytes?: number;
  /** Challenge sent to clients without credentials. Default md5. */
  challenge?: 'md5' | 'basic';
  version?: string;
}

/** The SyncML DS 1.2 server: one decoded client message in, one response message out. */
export class SyncmlEngine {
  readonly sessions: SessionStore;
  readonly #backend: SyncmlBackend;
  readonly #auth: Authenticator;
  readonly #maxMsgSize: number;
  readonly #maxObjSize: number;
  readonly #defaultClientMax: number;
  readonly #version: string;
  /** MD5 nonces handed out for a device's next session (bounded like the sessions). */
  readonly #nonces = new Map<string, string>();
  readonly #chunkBudget: LargeObjectBudget;

  constructor(options: SyncmlEngineOptions) {
    this.#backend = options.backend;
    this.#auth = createAuthenticator(options.backend, options.verifier, options.challenge);
    this.#chunkBudget = new LargeObjectBudget(options.largeObjectBudgetBytes ?? 256 * 1024 * 1024);
    this.sessions = new SessionStore({ ...options.sessions, onDrop: (s) => this.#chunkBudget.release(s.key) });
    this.#maxMsgSize = options.maxMsgSize ?? 1024 * 1024;
    this.#maxObjSize = options.maxObjSize ?? 20 * 1024 * 1024;
    this.#defaultClientMax = options.defaultClientMaxMsgSize ?? 512 * 1024;
    this.#version = options.version ?? '0.1.0';
  }

  get maxMsgSize(): number {
    return this.#maxMsgSize;
  }

  /**
   * @param baseUri the endpoint URL, the base of the RespURI we hand out
   * @param sessionToken the `sid` query parameter the message was posted with (our RespURI)
   */
  async handle(message: SyncMLMessage, baseUri: string, sessionToken?: string): Promise<SyncMLMessage> {
    const h = message.header;
    const reply = new Reply(h.msgID);
    const existing = this.#existing(h);
    const session = existing ?? this.#newSession(h);
    if (!existing && h.msgID > 1) {
      // A continuation of a session we do not know (restart, expiry, eviction): nothing can
      // continue from here. The client starts over; nothing of this message is executed.
      reply.statuses.push(withoutId(headerStatus(h, STATUS.PROCESSING_ERROR, 0)));
      return this.#pack(session, h, reply, true, baseUri);
    }
    session.lastInMsgId = h.msgID;
    if (h.meta?.maxMsgSize) session.clientMaxMsgSize = Math.max(1024, h.meta.maxMsgSize);
    if (h.meta?.maxObjSize) session.clientMaxObjSize = h.meta.maxObjSize;
    const auth = await this.#auth.authenticate(h, session.user, session.nonce, sessionToken === session.respToken);
    if (!auth.ok) {
      // Nothing of this message is executed; the client may retry with (other) credentials.
      session.user = undefined;
      this.#rotateNonce(session);
      reply.statuses.push(withoutId(headerStatus(h, auth.status, 0, { chal: this.#auth.challenge(session.nonce) })));
      this.sessions.touch(session);
      return this.#pack(session, h, reply, true, baseUri);
    }
    session.user = auth.user;
    const md5 = h.cred?.meta?.type === MD5_AUTH_TYPE;
    if (md5) this.#rotateNonce(session);
    reply.statuses.push(withoutId(headerStatus(h, auth.status, 0, md5 ? { chal: this.#auth.challenge(session.nonce) } : {})));
    let sawSync = false;
    for (const cmd of message.body) {
      if (cmd.kind === 'Sync') sawSync = true;
      await this.#dispatch(session, cmd, reply);
    }
    const final = await this.#advance(session, message.final, sawSync, reply);
    const response = await this.#pack(session, h, reply, final, baseUri);
    if (session.phase === 'done') this.sessions.delete(session.key);
    else this.sessions.touch(session);
    return response;
  }

  #existing(h: SyncHdr): SyncSession | undefined {
    const existing = this.sessions.get(SessionStore.key(h.sessionID, h.source.locURI));
    // A client re-using a SessionID starts a new session with MsgID 1 (unless retrying after 401/407).
    return existing && existing.phase !== 'done' && !(h.msgID === 1 && existing.phase !== 'init') ? existing : undefined;
  }

  #newSession(h: SyncHdr): SyncSession {
    const key = SessionStore.key(h.sessionID, h.source.locURI);
    const nonce = this.#nonces.get(h.source.locURI) ?? newNonce();
    return {
      key,
      sessionId: h.sessionID,
      deviceId: h.source.locURI,
      respToken: randomBytes(9).toString('base64url'),
      nonce,
      phase: 'init',
      outMsgId: 0,
      lastInMsgId: 0,
      clientMaxMsgSize: this.#defaultClientMax,
      devInfRequested: false,
      datastores: new Map(),
      outbox: [],
      awaitingMap: new Set(),
      assembler: new LargeObjectAssembler({ maxObjSize: this.#maxObjSize }),
      chunkBudget: this.#chunkBudget,
      expiresAt: 0,
    };
  }

  #rotateNonce(session: SyncSession): void {
    session.nonce = newNonce();
    this.#nonces.delete(session.deviceId);
    this.#nonces.set(session.deviceId, session.nonce);
    if (this.#nonces.size > 10_000) this.#nonces.delete(this.#nonces.keys().next().value as string);
  }

  async #dispatch(session: SyncSession, cmd: Command, reply: Reply): Promise<void> {
    switch (cmd.kind) {
      case 'Status':
        return;
      case 'Alert':
        if (cmd.data !== undefined && isSyncTypeAlert(cmd.data)) {
          if (session.phase === 'init') return handleSyncAlert(this.#backend, session, cmd, reply);
          return reply.status(cmd, STATUS.COMMAND_NOT_ALLOWED);
        }
        if (cmd.data === ALERT.NO_END_OF_DATA) {
          session.assembler.abort();
          this.#chunkBudget.release(session.key);
        }
        return reply.status(cmd, cmd.data === ALERT.NEXT_MESSAGE || cmd.data === ALERT.NO_END_OF_DATA ? STATUS.OK : STATUS.OPTIONAL_FEATURE_NOT_SUPPORTED);
      case 'Put':
      case 'Results': {
        const data = cmd.items[0]?.data;
        if (data && typeof data === 'object' && 'devInf' in data) {
          session.clientDevInf = data.devInf;
          return reply.status(cmd, STATUS.OK);
        }
        return reply.status(cmd, STATUS.UNSUPPORTED_MEDIA_TYPE);
      }
      case 'Get':
        if (cmd.items[0]?.target?.locURI !== DEVINF_URI_12) return reply.status(cmd, STATUS.NOT_FOUND);
        reply.status(cmd, STATUS.OK);
        return reply.command({
          kind: 'Results',
          msgRef: reply.msgRef,
          cmdRef: cmd.cmdID,
          meta: { type: DEVINF_TYPE },
          items: [{ source: { locURI: DEVINF_URI_12 }, data: { devInf: serverDevInf(this.#backend.datastores(), this.#version) } }],
        });
      case 'Sync':
        return handleClientSync(this.#backend, session, cmd, reply);
      case 'Map':
        return handleMap(this.#backend, session, cmd, reply);
      case 'Unsupported':
        return reply.status(cmd, STATUS.OPTIONAL_FEATURE_NOT_SUPPORTED);
      default:
        // Add/Replace/Delete/Copy belong inside a Sync.
        return reply.status(cmd, STATUS.COMMAND_NOT_ALLOWED);
    }
  }

  /** Package transitions after a message's commands ran; returns whether the reply may be Final. */
  async #advance(session: SyncSession, final: boolean, sawSync: boolean, reply: Reply): Promise<boolean> {
    if (session.phase === 'server-mods') return true;
    if (!final) {
      if (!reply.hasCommands && session.outbox.length === 0) reply.command(nextMessageAlert(session));
      return false;
    }
    if (session.phase === 'init') {
      if (session.datastores.size === 0) {
        session.phase = 'done';
        return true;
      }
      if (!session.clientDevInf && !session.devInfRequested) {
        session.devInfRequested = true;
        reply.command({ kind: 'Get', meta: { type: DEVINF_TYPE }, items: [{ target: { locURI: DEVINF_URI_12 } }] });
      }
      session.phase = 'client-mods';
      if (!sawSync) return true;
    }
    if (session.phase === 'client-mods') {
      for (const ds of session.datastores.values()) await planServerChanges(this.#backend, session, ds);
      session.phase = 'server-mods';
      return true;
    }
    // Package 5 complete: the client has everything and has mapped what it added.
    for (const ds of session.datastores.values()) await this.#commit(session, ds);
    session.phase = 'done';
    return true;
  }

  async #commit(session: SyncSession, ds: DatastoreSession): Promise<void> {
    if (ds.committed) return;
    ds.committed = true;
    // One-way from client delivered nothing: keep the server position so no change is skipped.
    const serverSeq = ds.syncType === ALERT.ONE_WAY_FROM_CLIENT ? ds.fromSeq : (ds.uptoSeq ?? ds.fromSeq);
    await this.#backend.setAnchor(scopeOf(session, ds), { clientAnchor: ds.clientNext, serverAnchor: ds.serverNext, serverSeq });
  }

  async #pack(session: SyncSession, h: SyncHdr, reply: Reply, final: boolean, baseUri: string): Promise<SyncMLMessage> {
    const header: SyncHdr = {
      sessionID: h.sessionID,
      msgID: ++session.outMsgId,
      target: { locURI: h.source.locURI },
      source: { locURI: h.target.locURI },
      respURI: `${baseUri}?sid=${session.respToken}`,
      meta: { maxMsgSize: this.#maxMsgSize, maxObjSize: this.#maxObjSize },
    };
    const queue = [...reply.statuses, ...session.outbox, ...reply.commands];
    const limit = session.clientMaxMsgSize;
    if (session.phase === 'server-mods') {
      const used = queue.reduce((n, d) => n + estimatedBytes(d), 0);
      if (used < limit && serverChangesPending(session)) queue.push(...(await nextServerPage(this.#backend, session, limit - used)));
    }
    const more = session.phase === 'server-mods' && serverChangesPending(session);
    const packed = packMessage(header, queue, final && !more, {
      maxMsgSize: limit,
      maxObjSize: session.clientMaxObjSize,
      largeObjects: session.clientDevInf?.supportLargeObjs ?? true,
    });
    session.outbox = packed.rest;
    if (packed.message.final && session.phase === 'server-mods') {
      session.phase = 'map';
      for (const ds of session.datastores.values()) {
        if (ds.syncType === ALERT.ONE_WAY_FROM_CLIENT || ds.syncType === ALERT.REFRESH_FROM_CLIENT) await this.#commit(session, ds);
      }
      if ([...session.datastores.values()].every((ds) => ds.committed)) session.phase = 'done';
    }
    return packed.message;
  }
}

function nextMessageAlert(session: SyncSession) {
  return { kind: 'Alert' as const, data: ALERT.NEXT_MESSAGE, items: [{ target: { locURI: session.deviceId } }] };
}

/** Rough encoded size of a queued command: item data dominates, the markup is a few hundred bytes. */
function estimatedBytes(draft: CommandDraft): number {
  if (draft.kind === 'Sync') return draft.commands.reduce((n, c) => n + estimatedBytes(c), 200);
  const items = 'items' in draft ? (draft.items ?? []) : [];
  return items.reduce((n, i) => n + 200 + (typeof i.data === 'string' ? i.data.length : 0), 200);
}

function withoutId<T extends { cmdID: number }>(cmd: T): Omit<T, 'cmdID'> {
  const { cmdID: _id, ...rest } = cmd;
  return rest;
}
