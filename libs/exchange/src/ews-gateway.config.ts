import type { Registry } from 'prom-client';

export type ExchangeAuth =
  | { kind: 'basic'; username: string; password: string }
  /** `username` may be `DOMAIN\user`. */
  | { kind: 'ntlm'; username: string; password: string }
  /** Called before each request, so a token provider can refresh. */
  | { kind: 'oauth'; getToken: () => string | Promise<string> };

/** Hooks for whoever wants numbers without prom-client (tests, the bench). */
export interface ExchangeGatewayHooks {
  onRequest?(event: { operation: string; mailbox: string; durationMs: number; status: 'ok' | 'fault' | 'error'; httpStatus?: number }): void;
  onThrottle?(event: { mailbox: string; backOffMs: number; attempt: number }): void;
  /** Raw SOAP envelopes as sent and received, for schema checks in tests. */
  onExchange?(event: { operation: string; request: string; response: string; httpStatus: number }): void;
}

export interface ExchangeGatewayOptions {
  /** The EWS endpoint, e.g. https://mail.example.com/EWS/Exchange.asmx. */
  url: string;
  auth: ExchangeAuth;
  /** Impersonate each mailbox with ExchangeImpersonation (default true). */
  impersonation?: boolean;
  /** Per-request timeout, default 60 000 ms. */
  timeoutMs?: number;
  /** Requests in flight to this server at once, default 10. */
  maxConcurrency?: number;
  /** Retries of one request after ErrorServerBusy before giving up with EXCHANGE_THROTTLED (default 8). */
  maxThrottleRetries?: number;
  /** Back-off when ErrorServerBusy carries no BackOffMilliseconds: base doubling per attempt (default 500 ms, cap 60 s). */
  backOffBaseMs?: number;
  backOffMaxMs?: number;
  /** Items per GetItem/CreateItem/UpdateItem/DeleteItem call (default 100). */
  batchSize?: number;
  /** Our property set GUID for the named properties (ConnectorLinkId…). */
  propertySetId?: string;
  /** Names of extra string properties (in our property set) carried in the domain's `extra`. */
  extraProperties?: readonly string[];
  /** Accept self-signed TLS certificates (test servers only). */
  allowUntrustedCertificate?: boolean;
  hooks?: ExchangeGatewayHooks;
  /** When given, request counts/latencies and throttling pauses are registered here. */
  metricsRegistry?: Registry;
}

/** The connector's own MAPI property set; fixed so every deployment finds the items it stamped. */
export const CONNECTOR_PROPERTY_SET_ID = 'c0a2d4e6-5b7f-4c1d-9e3a-8f6b2d4c1e70';
