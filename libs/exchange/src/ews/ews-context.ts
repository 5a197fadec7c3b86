import {
  ExchangeCredentials,
  ExchangeService,
  ExchangeVersion,
  ImpersonatedUserId,
  ConnectingIdType,
  Uri,
} from 'ews-javascript-api';
import { normalizeError } from '../errors/fault-normalizer.js';
import type { ExchangeError } from '../errors/exchange.error.js';
import { CONNECTOR_PROPERTY_SET_ID, type ExchangeGatewayOptions } from '../ews-gateway.config.js';
import { createSender, type AuthenticatedSender } from '../http/auth-strategy.js';
import { RequestMetrics } from '../http/request-metrics.js';
import { MailboxXhrApi, type XhrContext } from '../http/xhr.adapter.js';
import { ConnectorProperties } from '../properties/connector-properties.js';
import { ConcurrencyLimit } from '../throttle/concurrency-limit.js';
import { MailboxBackoff } from '../throttle/mailbox-backoff.js';
import { installLibraryPatches } from './library.patch.js';
import { validateOptions } from './options.js';

/** Authentication is done by our transport; the library must not add its own header. */
class TransportCredentials extends ExchangeCredentials {
  override PrepareWebRequest(): void {}
}

/** What every gateway operation shares: one ExchangeService per mailbox over one paced transport. */
export class EwsContext {
  readonly props: ConnectorProperties;
  readonly batchSize: number;
  readonly sender: AuthenticatedSender;
  readonly backoff: MailboxBackoff;
  private readonly xhr: XhrContext;
  private readonly services = new Map<string, ExchangeService>();

  constructor(readonly options: ExchangeGatewayOptions) {
    validateOptions(options);
    installLibraryPatches();
    const maxConcurrency = options.maxConcurrency ?? 10;
    this.sender = createSender(options.url, options.auth, { maxSockets: maxConcurrency, allowUntrustedCertificate: options.allowUntrustedCertificate });
    this.backoff = new MailboxBackoff({ baseMs: options.backOffBaseMs ?? 500, maxMs: options.backOffMaxMs ?? 60_000 });
    this.xhr = {
      sender: this.sender,
      limit: new ConcurrencyLimit(maxConcurrency),
      backoff: this.backoff,
      metrics: new RequestMetrics(options.hooks, options.metricsRegistry),
      timeoutMs: options.timeoutMs ?? 60_000,
      maxThrottleRetries: options.maxThrottleRetries ?? 8,
    };
    this.props = new ConnectorProperties(options.propertySetId ?? CONNECTOR_PROPERTY_SET_ID, options.extraProperties);
    this.batchSize = options.batchSize ?? 100;
  }

  service(mailbox: string): ExchangeService {
    const key = mailbox.toLowerCase();
    let service = this.services.get(key);
    if (!service) {
      service = new ExchangeService(ExchangeVersion.Exchange2013_SP1);
      service.Url = new Uri(this.options.url);
      service.Credentials = new TransportCredentials();
      service.XHRApi = new MailboxXhrApi(mailbox, this.xhr);
      if (this.options.impersonation !== false) service.ImpersonatedUserId = new ImpersonatedUserId(ConnectingIdType.SmtpAddress, mailbox);
      this.services.set(key, service);
    }
    return service;
  }

  /** Runs one library call and turns whatever it throws into an ExchangeError. */
  async call<T>(mailbox: string, fn: (service: ExchangeService) => Promise<T>): Promise<T> {
    try {
      return await fn(this.service(mailbox));
    } catch (err) {
      throw this.normalize(err, mailbox);
    }
  }

  normalize(err: unknown, mailbox: string, itemId?: string): ExchangeError {
    return normalizeError(err, { mailbox, itemId });
  }

  /** Splits work into batches of the configured size. */
  batches<T>(list: readonly T[]): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < list.length; i += this.batchSize) out.push(list.slice(i, i + this.batchSize));
    return out;
  }

  close(): void {
    this.sender.close();
    this.services.clear();
  }
}
