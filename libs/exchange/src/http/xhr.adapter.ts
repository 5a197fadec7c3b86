import type { IXHRApi, IXHROptions } from 'ews-javascript-api';
import type { ConcurrencyLimit } from '../throttle/concurrency-limit.js';
import type { MailboxBackoff } from '../throttle/mailbox-backoff.js';
import type { AuthenticatedSender } from './auth-strategy.js';
import { TransportFailure, type RawResponse } from './http-transport.js';
import type { RequestMetrics } from './request-metrics.js';

type XhrResult = Awaited<ReturnType<IXHRApi['xhr']>>;

export interface XhrContext {
  sender: AuthenticatedSender;
  limit: ConcurrencyLimit;
  backoff: MailboxBackoff;
  metrics: RequestMetrics;
  timeoutMs: number;
  maxThrottleRetries: number;
}

/** Marks a transport failure inside the message ews-javascript-api copies into its SoapFaultDetails. */
export const TRANSPORT_MARKER = /^\[(EXCHANGE_TIMEOUT|EXCHANGE_UNAVAILABLE)\] /;

/**
 * The XHR ews-javascript-api calls for one mailbox's service. It is where the gateway's policy
 * lives, invisibly to the library: the per-server concurrency cap, the mailbox's ErrorServerBusy
 * pause and retry, timeouts, metrics and the raw-XML hook.
 */
export class MailboxXhrApi implements IXHRApi {
  readonly apiName = 'connector-xhr';

  constructor(
    private readonly mailbox: string,
    private readonly ctx: XhrContext,
  ) {}

  async xhr(options: IXHROptions): Promise<XhrResult> {
    const body = typeof options.data === 'string' ? options.data : String(options.data ?? '');
    const operation = operationOf(body);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      if (name.toLowerCase() !== 'authorization' && value !== undefined) headers[name] = String(value);
    }
    for (let attempt = 1; ; attempt += 1) {
      const res = await this.sendPaced(operation, { url: options.url, headers, body });
      const backOff = serverBusyBackOff(res.status, res.body);
      if (backOff === undefined || attempt > this.ctx.maxThrottleRetries) return settle(res);
      const paused = this.ctx.backoff.pause(this.mailbox, attempt, backOff ?? undefined);
      this.ctx.metrics.throttled(this.mailbox, paused, attempt);
    }
  }

  xhrStream(): Promise<XhrResult> {
    return Promise.reject(new Error('streaming XHR is not used by the gateway'));
  }

  disconnect(): void {}

  private async sendPaced(operation: string, request: { url: string; headers: Record<string, string>; body: string }): Promise<RawResponse> {
    for (;;) {
      await this.ctx.backoff.wait(this.mailbox);
      const release = await this.ctx.limit.acquire();
      // A pause may have started while we queued for the slot: never send into it.
      if (this.ctx.backoff.remainingMs(this.mailbox) > 0) {
        release();
        continue;
      }
      const started = performance.now();
      try {
        const res = await this.ctx.sender.send(request, this.ctx.timeoutMs);
        const status = res.status === 200 ? 'ok' : 'fault';
        this.ctx.metrics.request({ operation, mailbox: this.mailbox, durationMs: performance.now() - started, status, httpStatus: res.status });
        this.ctx.metrics.exchanged(operation, request.body, res.body, res.status);
        return res;
      } catch (err) {
        this.ctx.metrics.request({ operation, mailbox: this.mailbox, durationMs: performance.now() - started, status: 'error' });
        throw transportError(err);
      } finally {
        release();
      }
    }
  }
}

/** The first element inside the SOAP body names the operation (GetItem, SyncFolderItems…). */
export function operationOf(body: string): string {
  const match = /<(?:[\w-]+:)?Body[^>]*>\s*<(?:[\w-]+:)?([A-Za-z]+)/.exec(body);
  return match?.[1] ?? 'unknown';
}

/**
 * Whether the whole request was refused with ErrorServerBusy: as a SOAP fault (HTTP 500/503), or
 * as HTTP 200 whose every response message is ErrorServerBusy. undefined: not throttled; null:
 * throttled without BackOffMilliseconds; else the server's pause.
 */
export function serverBusyBackOff(status: number, body: string): number | null | undefined {
  if (!body.includes('ErrorServerBusy')) return undefined;
  if (status === 200 && /ResponseClass="(Success|Warning)"/.test(body)) return undefined;
  if (status !== 200 && status !== 500 && status !== 503) return undefined;
  const match = /Name="BackOffMilliseconds"[^>]*>\s*(\d+)\s*</.exec(body);
  return match ? Number(match[1]) : null;
}

function settle(res: RawResponse): XhrResult {
  const xhr = toXhr(res);
  if (res.status === 200) return xhr;
  // A proxy's or IIS's HTML error page is no SOAP fault; the library would fail parsing it.
  if (res.status >= 500 && !/<([\w-]+:)?Envelope\b/.test(res.body)) {
    throw { ...xhr, message: `[EXCHANGE_UNAVAILABLE] HTTP ${res.status} without a SOAP answer` };
  }
  throw xhr;
}

function toXhr(res: RawResponse): XhrResult {
  const headers = res.headers;
  const fake = {
    status: res.status,
    statusText: String(res.status),
    responseText: res.body,
    response: res.body,
    headers,
    message: `HTTP ${res.status}`,
    getAllResponseHeaders: () => Object.entries(headers).map(([k, v]) => `${k} : ${String(v)}`).join('\r\n'),
    getResponseHeader: (name: string) => {
      const value = headers[name.toLowerCase()];
      return value === undefined ? null : String(value);
    },
  };
  return fake as unknown as XhrResult;
}

function transportError(err: unknown): unknown {
  if (!(err instanceof TransportFailure)) return err;
  const code = err.reason === 'timeout' ? 'EXCHANGE_TIMEOUT' : 'EXCHANGE_UNAVAILABLE';
  return { status: 0, message: `[${code}] ${err.message}`, getResponseHeader: () => null, getAllResponseHeaders: () => '' };
}
