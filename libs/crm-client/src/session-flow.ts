import { randomBytes } from 'node:crypto';
import type { CommandDraft, ContentTypeRef, SyncMLMessage } from '@connector/syncml';
import { ALERT, STATUS } from '@connector/syncml';
import { ClientSession, nextMessageAlert, type SessionSettings } from './client-session.js';
import { CrmClientError } from './crm-client.error.js';
import { DEVINF_TYPE, DEVINF_URI, SyncRun, clientDevInf } from './sync-run.js';

export interface FlowContext {
  session: ClientSession;
  run: SyncRun;
  datastore: string;
  clientUri: string;
  type: ContentTypeRef;
}

/** A new anchor: unique per session, so a stale Last never matches by accident. */
export function newAnchor(): string {
  return `${Date.now()}-${randomBytes(4).toString('hex')}`;
}

/** Sends commands (split over as many messages as needed), the last message Final; returns its response. */
export async function sendPackage(ctx: FlowContext, commands: CommandDraft[]): Promise<SyncMLMessage> {
  let { response, sentFinal } = await ctx.session.roundTrip(commands, true);
  ctx.run.handle(response);
  while (!sentFinal) {
    ({ response, sentFinal } = await ctx.session.roundTrip([], true));
    ctx.run.handle(response);
  }
  return response;
}

/** Asks for the rest of a server package (Alert 222) until its Final message arrived. */
export async function receiveRest(ctx: FlowContext, first: SyncMLMessage): Promise<SyncMLMessage> {
  let response = first;
  while (!response.final) {
    ({ response } = await ctx.session.roundTrip([nextMessageAlert(ctx.datastore)], false));
    ctx.run.handle(response);
  }
  return response;
}

/**
 * Package 1 (Alert with anchors, our DevInf) and the server's package 2. Returns the sync type the
 * server settled on (a 508 turns 200/202 into 201).
 */
export async function initialize(settings: SessionSettings, datastore: string, type: ContentTypeRef, syncType: number, anchor: { last: string | null; next: string }, collect: boolean): Promise<FlowContext & { syncType: number }> {
  const session = new ClientSession(settings);
  const clientUri = datastore;
  const devInf = clientDevInf(settings.deviceId, clientUri, type);
  const run = new SyncRun(session, devInf, collect);
  const ctx: FlowContext = { session, run, datastore, clientUri, type };
  const alert: CommandDraft = {
    kind: 'Alert',
    data: syncType,
    items: [{ target: { locURI: datastore }, source: { locURI: clientUri }, meta: { anchor: anchor.last === null ? { next: anchor.next } : { last: anchor.last, next: anchor.next } } }],
  };
  const put: CommandDraft = { kind: 'Put', meta: { type: DEVINF_TYPE }, items: [{ source: { locURI: DEVINF_URI }, data: { devInf } }] };
  const response = await sendPackage(ctx, [alert, put]);
  await receiveRest(ctx, response);
  const status = run.alertStatus;
  if (status !== STATUS.OK && status !== STATUS.REFRESH_REQUIRED) {
    throw new CrmClientError('CRM_DATASTORE_REFUSED', `Alert ${syncType} for ${datastore}: status ${status ?? 'missing'}`, status);
  }
  if (run.serverSyncType === undefined) throw new CrmClientError('CRM_PROTOCOL', `no server Alert for ${datastore}`);
  return { ...ctx, syncType: status === STATUS.REFRESH_REQUIRED ? ALERT.SLOW_SYNC : run.serverSyncType };
}
