import { randomBytes } from 'node:crypto';
import type { Status, SyncMLMessage } from '@connector/syncml';
import { decodeMessage } from '@connector/syncml';
import type { SyncmlWireRecorder } from '@connector/syncml/test-support';

export interface RawResponse {
  status: number;
  text: string;
  message?: SyncMLMessage;
}

export interface RawSendOptions {
  /** Cred element as the client writes it, e.g. basic(...) or token(...). */
  cred?: string;
  final?: boolean;
  maxMsgSize?: number;
  locName?: string;
}

export const basicCred = (login: string, password: string) =>
  `<Cred><Meta><Format xmlns='syncml:metinf'>b64</Format><Type xmlns='syncml:metinf'>syncml:auth-basic</Type></Meta><Data>${Buffer.from(`${login}:${password}`).toString('base64')}</Data></Cred>`;
export const md5Cred = (data: string) =>
  `<Cred><Meta><Format xmlns='syncml:metinf'>b64</Format><Type xmlns='syncml:metinf'>syncml:auth-md5</Type></Meta><Data>${data}</Data></Cred>`;
export const tokenCred = (token: string) => `<Cred><Meta><Type xmlns='syncml:metinf'>x-crm-token</Type></Meta><Data>${token}</Data></Cred>`;

/**
 * Plays a SyncML client from hand-written XML, the way phone and desktop clients
 * (SyncEvolution, Funambol) write it: namespaced MetInf children, RespURI followed.
 */
export class RawSyncmlClient {
  readonly sessionId = String(Date.now() % 100000) + randomBytes(2).toString('hex');
  msgId = 0;
  url: string;

  constructor(
    readonly endpoint: string,
    readonly device = `IMEI:${randomBytes(4).toString('hex')}`,
    readonly wire?: SyncmlWireRecorder,
  ) {
    this.url = endpoint;
  }

  async post(body: string | Buffer, contentType = 'application/vnd.syncml+xml'): Promise<RawResponse> {
    const response = await fetch(this.url, { method: 'POST', body, headers: { 'content-type': contentType } });
    const text = await response.text();
    if (response.status !== 200) return { status: response.status, text };
    this.wire?.record(text, `raw received ${this.device}`);
    const message = decodeMessage(text);
    if (message.header.respURI) this.url = message.header.respURI;
    return { status: 200, text, message };
  }

  /** Sends SyncBody content (commands without Final) under a header built like a phone does. */
  async send(body: string, options: RawSendOptions = {}): Promise<SyncMLMessage> {
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?><SyncML xmlns='SYNCML:SYNCML1.2'><SyncHdr><VerDTD>1.2</VerDTD><VerProto>SyncML/1.2</VerProto>` +
      `<SessionID>${this.sessionId}</SessionID><MsgID>${++this.msgId}</MsgID><Target><LocURI>${this.endpoint}</LocURI></Target>` +
      `<Source><LocURI>${this.device}</LocURI>${options.locName ? `<LocName>${options.locName}</LocName>` : ''}</Source>${options.cred ?? ''}` +
      `<Meta><MaxMsgSize xmlns='syncml:metinf'>${options.maxMsgSize ?? 150000}</MaxMsgSize></Meta></SyncHdr>` +
      `<SyncBody>${body}${options.final === false ? '' : '<Final/>'}</SyncBody></SyncML>`;
    this.wire?.record(xml, `raw sent ${this.device}`);
    const response = await this.post(xml);
    if (!response.message) throw new Error(`HTTP ${response.status}: ${response.text}`);
    return response.message;
  }
}

/** Statuses of a response, optionally only those answering `cmd`. */
export function statuses(message: SyncMLMessage, cmd?: string): Status[] {
  return message.body.filter((c): c is Status => c.kind === 'Status' && (cmd === undefined || c.cmd === cmd));
}

export function headerStatus(message: SyncMLMessage): Status | undefined {
  return statuses(message, 'SyncHdr')[0];
}
