import type { Command, ContentTypeRef, DevInf, Item, Status, Sync, SyncChild, SyncMLMessage } from '@connector/syncml';
import { LargeObjectAssembler, STATUS, isSyncTypeAlert } from '@connector/syncml';
import type { ClientSession } from './client-session.js';
import type { CrmChange } from './crm-client.types.js';

export const DEVINF_URI = './devinf12';
export const DEVINF_TYPE = 'application/vnd.syncml-devinf+xml';

export interface ItemResult {
  status: number;
  recordId?: string;
  version?: string;
}

/** Our DevInf: one datastore, speaking the native CRM type. */
export function clientDevInf(deviceId: string, clientUri: string, type: ContentTypeRef): DevInf {
  return {
    verDTD: '1.2',
    man: 'crm-exchange-connector',
    mod: 'connector',
    devID: deviceId,
    devTyp: 'server',
    utc: true,
    supportLargeObjs: true,
    supportNumberOfChanges: true,
    dataStores: [{ sourceRef: clientUri, rxPref: type, txPref: type, syncCap: [1, 2, 3, 5] }],
  };
}

/**
 * What the server tells us during one datastore's session: the sync type it chose, per-item
 * statuses of our modifications, its own modifications (reassembled from MoreData chunks).
 * Every server command is answered with the Status it is owed.
 */
export class SyncRun {
  serverSyncType: number | undefined;
  alertStatus: number | undefined;
  mapStatus: number | undefined;
  readonly changes: CrmChange[] = [];
  readonly results = new Map<string, ItemResult>();
  readonly #assembler = new LargeObjectAssembler();

  constructor(
    private readonly session: ClientSession,
    private readonly devInf: DevInf,
    /** Keep server modifications (reads) or only acknowledge them (writes). */
    private readonly collect: boolean,
  ) {}

  handle(response: SyncMLMessage): void {
    const msgRef = response.header.msgID;
    for (const cmd of response.body) {
      if (cmd.kind === 'Status') this.#onStatus(cmd);
      else if (cmd.kind === 'Sync') this.#onSync(cmd, msgRef);
      else this.#onCommand(cmd, msgRef);
    }
  }

  #owe(cmd: Command, msgRef: number, code: number, refs: { target?: string; source?: string } = {}): void {
    if ('noResp' in cmd && cmd.noResp) return;
    const cmdName = cmd.kind === 'Unsupported' ? cmd.name : cmd.kind;
    this.session.owe({
      kind: 'Status',
      msgRef,
      cmdRef: cmd.cmdID,
      cmd: cmdName,
      ...(refs.target !== undefined ? { targetRef: [refs.target] } : {}),
      ...(refs.source !== undefined ? { sourceRef: [refs.source] } : {}),
      data: code,
    });
  }

  #onStatus(s: Status): void {
    if (s.cmd === 'Alert' && this.alertStatus === undefined) this.alertStatus = s.data;
    else if (s.cmd === 'Map') this.mapStatus = s.data;
    else if (s.cmd === 'Add' || s.cmd === 'Replace' || s.cmd === 'Delete') {
      const luid = s.sourceRef?.[0];
      if (luid === undefined) return;
      const item = s.items?.[0];
      this.results.set(luid, { status: s.data, recordId: item?.target?.locURI, version: item?.meta?.version });
    }
  }

  #onCommand(cmd: Command, msgRef: number): void {
    if (cmd.kind === 'Alert') {
      if (cmd.data !== undefined && isSyncTypeAlert(cmd.data)) this.serverSyncType = cmd.data;
      this.#owe(cmd, msgRef, STATUS.OK);
    } else if (cmd.kind === 'Get') {
      this.#owe(cmd, msgRef, STATUS.OK);
      this.session.outbox.push({
        kind: 'Results',
        msgRef,
        cmdRef: cmd.cmdID,
        meta: { type: DEVINF_TYPE },
        items: [{ source: { locURI: DEVINF_URI }, data: { devInf: this.devInf } }],
      });
    } else if (cmd.kind === 'Put' || cmd.kind === 'Results') {
      this.#owe(cmd, msgRef, STATUS.OK);
    } else {
      this.#owe(cmd, msgRef, STATUS.OPTIONAL_FEATURE_NOT_SUPPORTED);
    }
  }

  #onSync(sync: Sync, msgRef: number): void {
    this.#owe(sync, msgRef, STATUS.OK, { target: sync.target?.locURI, source: sync.source?.locURI });
    for (const cmd of sync.commands) for (const item of cmd.items) this.#onItem(cmd, item, msgRef);
  }

  #onItem(cmd: SyncChild, received: Item, msgRef: number): void {
    const refs = { target: received.target?.locURI, source: received.source?.locURI };
    let item = received;
    if (cmd.kind !== 'Delete' && (received.moreData || this.#assembler.pending !== undefined)) {
      const result = this.#assembler.accept(received);
      if (result.state === 'chunk') return this.#owe(cmd, msgRef, STATUS.CHUNK_ACCEPTED, refs);
      if (result.state === 'error') return this.#owe(cmd, msgRef, result.status, refs);
      item = result.item;
    }
    if (cmd.kind === 'Copy') return this.#owe(cmd, msgRef, STATUS.OPTIONAL_FEATURE_NOT_SUPPORTED, refs);
    const op = cmd.kind === 'Add' ? 'add' : cmd.kind === 'Replace' ? 'replace' : 'delete';
    if (this.collect) {
      const change: CrmChange = { op };
      if (op !== 'delete' && item.source) change.recordId = item.source.locURI;
      if (op !== 'add' && item.target) change.luid = item.target.locURI;
      const version = item.meta?.version;
      if (version !== undefined) change.version = version;
      const type = item.meta?.type ?? cmd.meta?.type;
      if (type !== undefined) change.contentType = type;
      if (typeof item.data === 'string') change.payload = item.data;
      this.changes.push(change);
    }
    this.#owe(cmd, msgRef, op === 'add' ? STATUS.ITEM_ADDED : STATUS.OK, refs);
  }
}
