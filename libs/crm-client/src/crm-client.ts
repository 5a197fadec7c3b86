import type { Dispatcher } from 'undici';
import type { CommandDraft, ContentTypeRef, MapItem, SyncChildDraft } from '@connector/syncml';
import { ALERT, STATUS, isSuccessStatus } from '@connector/syncml';
import type { AnchorKey, AnchorStore } from './anchor-store.port.js';
import type { SessionSettings } from './client-session.js';
import { CrmClientError } from './crm-client.error.js';
import type { LuidMapping, ReadResult, WriteErrorKind, WriteItem, WriteItemResult } from './crm-client.types.js';
import { initialize, newAnchor, receiveRest, sendPackage, type FlowContext } from './session-flow.js';

export interface CrmClientOptions {
  /** CRM.interface's SyncML endpoint, e.g. `http://crm:8080/syncml`. */
  url: string;
  /** Mints a single-use token per user (a @connector/crm-token TokenSigner fits). */
  tokens: { issue(user: string): string };
  anchors: AnchorStore;
  /** Our device id; writes use `<deviceId>-writer` so they never consume the reader's changes. */
  deviceId?: string;
  /** Largest message we accept from the server. Default 1 MiB. */
  maxMsgSize?: number;
  /** Largest object we accept. Default 20 MiB. */
  maxObjSize?: number;
  /**
   * A fresh token in every message (default), as CRM.interface authenticates every request; false
   * sends one per session and continues at the server's RespURI (one nonce write per session).
   */
  tokenPerMessage?: boolean;
  /** Per HTTP request. Default 60 s. */
  timeoutMs?: number;
  /** Content type per datastore; default `application/vnd.crm-exchange.<record type>+xml`. */
  contentTypes?: Readonly<Record<string, ContentTypeRef>>;
  dispatcher?: Dispatcher;
  onWire?: SessionSettings['onWire'];
}

const RECORD_TYPES: Readonly<Record<string, string>> = {
  contacts: 'contact',
  companies: 'company',
  calendar: 'activity',
  emails: 'activity',
  tasks: 'task',
  absences: 'absence',
};

export type ReadMode = 'two-way' | 'slow' | 'one-way-from-server' | 'refresh-from-server';

const READ_MODES: Readonly<Record<ReadMode, number>> = {
  'two-way': ALERT.TWO_WAY,
  slow: ALERT.SLOW_SYNC,
  'one-way-from-server': ALERT.ONE_WAY_FROM_SERVER,
  'refresh-from-server': ALERT.REFRESH_FROM_SERVER,
};

/** Map commands are split so that each fits a small MaxMsgSize on its own. */
const MAP_ITEMS_PER_COMMAND = 50;

function writeError(status: number): WriteErrorKind | undefined {
  if (isSuccessStatus(status)) return undefined;
  if (status === STATUS.FORBIDDEN || status === STATUS.PERMISSION_DENIED) return 'forbidden';
  if (status === STATUS.NOT_FOUND || status === STATUS.ITEM_NOT_DELETED || status === STATUS.GONE) return 'not-found';
  if (status === STATUS.BAD_REQUEST || status === STATUS.UNSUPPORTED_MEDIA_TYPE || status === STATUS.SIZE_MISMATCH) return 'invalid';
  return 'failed';
}

/** The connector's SyncML DS 1.2 client of CRM.interface: one session per call, per user and datastore. */
export class CrmClient {
  readonly #o: Required<Omit<CrmClientOptions, 'dispatcher' | 'onWire' | 'contentTypes'>> & CrmClientOptions;

  constructor(options: CrmClientOptions) {
    this.#o = { deviceId: 'crm-connector', maxMsgSize: 1024 * 1024, maxObjSize: 20 * 1024 * 1024, timeoutMs: 60_000, tokenPerMessage: true, ...options };
  }

  contentType(datastore: string): ContentTypeRef {
    return this.#o.contentTypes?.[datastore] ?? { ctType: `application/vnd.crm-exchange.${RECORD_TYPES[datastore] ?? datastore}+xml`, verCT: '1.0' };
  }

  #settings(user: string, deviceId: string): SessionSettings {
    const o = this.#o;
    return { url: o.url, deviceId, user, issueToken: (u) => o.tokens.issue(u), tokenPerMessage: o.tokenPerMessage, maxMsgSize: o.maxMsgSize, maxObjSize: o.maxObjSize, timeoutMs: o.timeoutMs, dispatcher: o.dispatcher, onWire: o.onWire };
  }

  /**
   * Receives the server's modifications since our anchor (we send none). `two-way` (default) and
   * `one-way-from-server` deliver changes and turn slow when there is no anchor or the server
   * answers 508; `slow` re-enumerates everything (mapped records as replaces); `refresh-from-server`
   * forgets the server's map for us and sends everything as adds.
   */
  async readChanges(user: string, datastore: string, options: { mode?: ReadMode } = {}): Promise<ReadResult> {
    const key: AnchorKey = { user, datastore, deviceId: this.#o.deviceId };
    const mode = options.mode ?? 'two-way';
    const last = mode === 'two-way' || mode === 'one-way-from-server' ? await this.#o.anchors.get(key) : null;
    const next = newAnchor();
    const syncType = last === null && READ_MODES[mode] !== ALERT.REFRESH_FROM_SERVER ? ALERT.SLOW_SYNC : READ_MODES[mode];
    const ctx = await initialize(this.#settings(user, key.deviceId), datastore, this.contentType(datastore), syncType, { last, next }, true);
    await receiveRest(ctx, await sendPackage(ctx, [emptySync(ctx)]));
    return {
      changes: ctx.run.changes,
      slowSync: ctx.syncType === ALERT.SLOW_SYNC || ctx.syncType === ALERT.REFRESH_FROM_SERVER,
      nextAnchor: next,
      complete: async (mappings) => {
        await sendPackage(ctx, mapCommands(ctx, mappings));
        if (mappings.length > 0 && ctx.run.mapStatus !== STATUS.OK) {
          throw new CrmClientError('CRM_PROTOCOL', `Map for ${datastore} answered ${ctx.run.mapStatus ?? 'nothing'}`, ctx.run.mapStatus);
        }
        await this.#o.anchors.set(key, next);
      },
    };
  }

  /**
   * One-way-from-client session on the writer device: sends the items (batched under the
   * server's MaxMsgSize, large ones in MoreData chunks) and returns each item's outcome.
   */
  async writeChanges(user: string, datastore: string, items: readonly WriteItem[]): Promise<WriteItemResult[]> {
    const key: AnchorKey = { user, datastore, deviceId: `${this.#o.deviceId}-writer` };
    const last = await this.#o.anchors.get(key);
    const next = newAnchor();
    const ctx = await initialize(this.#settings(user, key.deviceId), datastore, this.contentType(datastore), last === null ? ALERT.SLOW_SYNC : ALERT.ONE_WAY_FROM_CLIENT, { last, next }, false);
    const sync: CommandDraft = { kind: 'Sync', target: { locURI: datastore }, source: { locURI: ctx.clientUri }, numberOfChanges: items.length, commands: items.map((i) => toCommand(ctx, i)) };
    await receiveRest(ctx, await sendPackage(ctx, [sync]));
    // A slow sync sent us the server's records (acknowledged, not kept): finish with package 5.
    if (ctx.syncType !== ALERT.ONE_WAY_FROM_CLIENT) await sendPackage(ctx, []);
    await this.#o.anchors.set(key, next);
    return items.map((item) => {
      const r = ctx.run.results.get(item.luid);
      const status = r?.status ?? 0;
      const result: WriteItemResult = { luid: item.luid, op: item.op, status, ok: r !== undefined && isSuccessStatus(status) && status !== STATUS.ITEM_NOT_DELETED };
      if (r?.recordId !== undefined) result.recordId = r.recordId;
      if (r?.version !== undefined) result.version = r.version;
      const error = r ? writeError(status) : 'failed';
      if (error) result.error = error;
      return result;
    });
  }
}

function emptySync(ctx: FlowContext): CommandDraft {
  return { kind: 'Sync', target: { locURI: ctx.datastore }, source: { locURI: ctx.clientUri }, commands: [] };
}

function toCommand(ctx: FlowContext, item: WriteItem): SyncChildDraft {
  const target = item.recordId !== undefined ? { target: { locURI: item.recordId } } : {};
  if (item.op === 'delete') return { kind: 'Delete', items: [{ source: { locURI: item.luid }, ...target }] };
  const kind = item.op === 'add' ? 'Add' : 'Replace';
  return { kind, meta: { type: ctx.type.ctType }, items: [{ source: { locURI: item.luid }, ...target, data: item.payload ?? '' }] };
}

function mapCommands(ctx: FlowContext, mappings: readonly LuidMapping[]): CommandDraft[] {
  const commands: CommandDraft[] = [];
  for (let i = 0; i < mappings.length; i += MAP_ITEMS_PER_COMMAND) {
    const mapItems: MapItem[] = mappings.slice(i, i + MAP_ITEMS_PER_COMMAND).map((m) => ({ target: { locURI: m.recordId }, source: { locURI: m.luid } }));
    commands.push({ kind: 'Map', target: { locURI: ctx.datastore }, source: { locURI: ctx.clientUri }, mapItems });
  }
  return commands;
}
