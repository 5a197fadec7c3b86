import { randomBytes } from 'node:crypto';
import type { Dispatcher } from 'undici';
import type { CommandDraft, Status, SyncHdr, SyncMLMessage } from '@connector/syncml';
import { ALERT, STATUS, SyncmlError, decodeMessage, encodeMessage, packMessage } from '@connector/syncml';
import { CrmAuthError, CrmClientError } from './crm-client.error.js';
import { postSyncml } from './http.transport.js';

/** Cred Meta Type of the connector's token, as CRM.interface documents it. */
export const TOKEN_AUTH_TYPE = 'x-crm-token';

export interface SessionSettings {
  url: string;
  deviceId: string;
  user: string;
  /** A fresh single-use token for the user. */
  issueToken(user: string): string;
  /** A token in every message (true), or only until the server accepted one (then the RespURI). */
  tokenPerMessage: boolean;
  maxMsgSize: number;
  maxObjSize: number;
  timeoutMs: number;
  dispatcher?: Dispatcher;
  /** Sees every message sent and received (tests validate them against the schema). */
  onWire?(xml: string, direction: 'sent' | 'received'): void;
}

/**
 * The message mechanics of one SyncML session: headers with a fresh token per message, MsgIDs,
 * RespURI, splitting under the server's MaxMsgSize, and statuses owed to the server.
 */
export class ClientSession {
  readonly sessionId = randomBytes(6).toString('hex');
  /** Statuses and commands still to be sent (owed statuses go first). */
  readonly outbox: CommandDraft[] = [];
  #msgId = 0;
  #url: string;
  #serverMaxMsgSize = 64 * 1024;
  #serverMaxObjSize: number | undefined;
  /** Once the server accepted our token, later messages may go to its RespURI without Cred. */
  #authenticated = false;

  constructor(readonly settings: SessionSettings) {
    this.#url = settings.url;
  }

  /** Queues a Status answering a server command. */
  owe(status: Omit<Status, 'cmdID'>): void {
    this.outbox.push(status);
  }

  #header(): SyncHdr {
    const s = this.settings;
    return {
      sessionID: this.sessionId,
      msgID: ++this.#msgId,
      target: { locURI: s.url },
      source: { locURI: s.deviceId, locName: s.user },
      ...(this.#authenticated && !s.tokenPerMessage ? {} : { cred: { meta: { type: TOKEN_AUTH_TYPE, format: 'chr' }, data: s.issueToken(s.user) } }),
      meta: { maxMsgSize: s.maxMsgSize, maxObjSize: s.maxObjSize },
    };
  }

  /**
   * Sends one message: owed statuses, then `commands`, as much as fits; the rest stays queued.
   * Final is set when everything fitted and `final` is asked for.
   */
  async roundTrip(commands: CommandDraft[], final: boolean): Promise<{ response: SyncMLMessage; sentFinal: boolean }> {
    const queue = [...this.outbox.splice(0), ...commands];
    const packed = packMessage(this.#header(), queue, final, { maxMsgSize: this.#serverMaxMsgSize, maxObjSize: this.#serverMaxObjSize });
    this.outbox.push(...packed.rest);
    const response = await this.#exchange(packed.message);
    return { response, sentFinal: packed.message.final };
  }

  /** MsgID of the last message received, for the statuses answering it. */
  lastServerMsgId = 0;

  async #exchange(message: SyncMLMessage): Promise<SyncMLMessage> {
    const xml = encodeMessage(message);
    this.settings.onWire?.(xml, 'sent');
    const text = await postSyncml(this.#url, xml, { timeoutMs: this.settings.timeoutMs, dispatcher: this.settings.dispatcher });
    this.settings.onWire?.(text, 'received');
    let response: SyncMLMessage;
    try {
      response = decodeMessage(text);
    } catch (error) {
      if (error instanceof SyncmlError) throw new CrmClientError('CRM_PROTOCOL', `undecodable response: ${error.code}`, undefined, { cause: error });
      throw error;
    }
    this.lastServerMsgId = response.header.msgID;
    if (response.header.respURI) this.#url = new URL(response.header.respURI, this.settings.url).toString();
    if (response.header.meta?.maxMsgSize) this.#serverMaxMsgSize = response.header.meta.maxMsgSize;
    if (response.header.meta?.maxObjSize) this.#serverMaxObjSize = response.header.meta.maxObjSize;
    this.#checkHeaderStatus(response, message.header.msgID);
    return response;
  }

  #checkHeaderStatus(response: SyncMLMessage, sentMsgId: number): void {
    const status = response.body.find((c): c is Status => c.kind === 'Status' && c.cmdRef === 0 && c.msgRef === sentMsgId);
    const code = status?.data;
    if (code === STATUS.AUTH_ACCEPTED || code === STATUS.OK) {
      this.#authenticated = true;
      return;
    }
    if (code === STATUS.INVALID_CREDENTIALS || code === STATUS.MISSING_CREDENTIALS) throw new CrmAuthError(this.settings.user, code);
    if (code === STATUS.SERVICE_UNAVAILABLE || code === STATUS.RETRY_LATER) throw new CrmClientError('CRM_RETRY_LATER', `SyncHdr status ${code}`, code);
    if (code !== undefined && code >= 500) throw new CrmClientError('CRM_UNAVAILABLE', `SyncHdr status ${code}`, code);
    throw new CrmClientError('CRM_PROTOCOL', `SyncHdr status ${code ?? 'missing'}`, code);
  }
}

export function nextMessageAlert(datastore: string): CommandDraft {
  return { kind: 'Alert', data: ALERT.NEXT_MESSAGE, items: [{ target: { locURI: datastore } }] };
}
