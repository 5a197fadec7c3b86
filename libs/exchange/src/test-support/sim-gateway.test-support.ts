import { buildApp, SCHEMA_DIR, type SimOptions } from '@connector/exchange-sim';
import { EwsGateway } from '../ews-gateway.adapter.js';
import type { ExchangeGatewayOptions } from '../ews-gateway.config.js';
import { EwsSchemaCollector } from '@connector/testing';
import { ewsSchemaDir } from './ews-schema.test-support.js';

type SimApp = Awaited<ReturnType<typeof buildApp>>;

export const ADMIN_KEY = 'exchange-contract-admin';
export const SERVICE_ACCOUNT = 'svc-connector@contoso.example';
export const PASSWORD = 'S3rvice!pass';

/** The simulator on a real port, plus the admin calls the contract suite needs. */
export class SimServer {
  url = '';
  private constructor(readonly app: SimApp) {}

  static async start(options: SimOptions = {}): Promise<SimServer> {
    const app = await buildApp({ adminKey: ADMIN_KEY, ...options });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const server = new SimServer(app);
    server.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    await server.mailbox(SERVICE_ACCOUNT, { canImpersonate: true, password: PASSWORD });
    return server;
  }

  get ewsUrl(): string {
    return `${this.url}/EWS/Exchange.asmx`;
  }

  async admin<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.url}/admin${path}`, {
      method,
      headers: { 'x-admin-key': ADMIN_KEY, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (res.status >= 400) throw new Error(`admin ${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  async mailbox(smtp: string, extra: Record<string, unknown> = {}): Promise<void> {
    await this.admin('POST', '/mailboxes', { smtp, password: 'user-pass', ...extra });
  }

  close(): Promise<void> {
    return this.app.close();
  }
}

/** A gateway to the simulator whose every request and response is collected for schema validation. */
export function simGateway(sim: SimServer, schema: EwsSchemaCollector, options: Partial<ExchangeGatewayOptions> = {}): EwsGateway {
  return new EwsGateway({
    url: sim.ewsUrl,
    auth: { kind: 'basic', username: SERVICE_ACCOUNT, password: PASSWORD },
    ...options,
    hooks: {
      ...options.hooks,
      onExchange(event) {
        schema.add('request', event.operation, event.request);
        if (event.httpStatus !== 401) schema.add('response', event.operation, event.response);
        options.hooks?.onExchange?.(event);
      },
    },
  });
}

export function newSchemaCollector(): EwsSchemaCollector {
  return new EwsSchemaCollector(ewsSchemaDir(SCHEMA_DIR));
}
