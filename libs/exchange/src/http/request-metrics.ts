import { Counter, Histogram, type Registry } from 'prom-client';
import type { ExchangeGatewayHooks } from '../ews-gateway.config.js';

export interface RequestOutcome {
  operation: string;
  mailbox: string;
  durationMs: number;
  status: 'ok' | 'fault' | 'error';
  httpStatus?: number;
}

/** Request counts/latency per EWS operation and throttling pauses, to prom-client and/or callbacks. */
export class RequestMetrics {
  private readonly requests?: Counter<'operation' | 'status'>;
  private readonly latency?: Histogram<'operation'>;
  private readonly pauses?: Counter;
  private readonly pausedSeconds?: Counter;

  constructor(
    private readonly hooks: ExchangeGatewayHooks = {},
    registry?: Registry,
  ) {
    if (!registry) return;
    this.requests = new Counter({ name: 'exchange_requests_total', help: 'EWS requests sent, by operation and outcome', labelNames: ['operation', 'status'], registers: [registry] });
    this.latency = new Histogram({
      name: 'exchange_request_duration_seconds',
      help: 'EWS request latency (one HTTP exchange, NTLM handshake included), by operation',
      labelNames: ['operation'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry],
    });
    this.pauses = new Counter({ name: 'exchange_throttle_pauses_total', help: 'ErrorServerBusy answers that paused a mailbox', registers: [registry] });
    this.pausedSeconds = new Counter({ name: 'exchange_throttle_pause_seconds_total', help: 'Seconds of mailbox pauses ordered by ErrorServerBusy', registers: [registry] });
  }

  request(outcome: RequestOutcome): void {
    this.requests?.inc({ operation: outcome.operation, status: outcome.status });
    this.latency?.observe({ operation: outcome.operation }, outcome.durationMs / 1000);
    this.hooks.onRequest?.(outcome);
  }

  throttled(mailbox: string, backOffMs: number, attempt: number): void {
    this.pauses?.inc();
    this.pausedSeconds?.inc(backOffMs / 1000);
    this.hooks.onThrottle?.({ mailbox, backOffMs, attempt });
  }

  exchanged(operation: string, request: string, response: string, httpStatus: number): void {
    this.hooks.onExchange?.({ operation, request, response, httpStatus });
  }
}
