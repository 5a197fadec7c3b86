import type { FastifyInstance } from 'fastify';
import { buildApp, SCHEMA_DIR } from '../app.js';
import type { SimOptions } from '../sim.config.js';
import { NS_M, NS_T } from '../soap/namespaces.js';
import { parseXml } from '../xml/xml-parse.js';
import type { XNode } from '../xml/xml-node.js';
import { EwsSchemaCollector } from '@connector/testing';

export const ADMIN_KEY = 'test-admin-key';

export interface EwsReply {
  status: number;
  xml: string;
  doc?: XNode;
  headers: Headers;
}

export interface EwsCallOptions {
  user?: string;
  password?: string;
  impersonate?: string;
  header?: string;
  /** Send exactly this body (for malformed requests; not schema-validated). */
  raw?: string;
  authorization?: string | null;
  timeoutMs?: number;
}

/** NS declarations every request body element carries, so it validates on its own. */
export const NS = `xmlns:m="${NS_M}" xmlns:t="${NS_T}"`;

export function envelope(body: string, header = ''): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">' +
    `<soap:Header><t:RequestServerVersion xmlns:t="${NS_T}" Version="Exchange2013_SP1"/>${header}</soap:Header>` +
    `<soap:Body>${body}</soap:Body></soap:Envelope>`
  );
}

export class SimHarness {
  readonly schema = new EwsSchemaCollector(SCHEMA_DIR);
  url = '';

  private constructor(readonly app: FastifyInstance) {}

  static async start(options: SimOptions = {}): Promise<SimHarness> {
    const app = await buildApp({ adminKey: ADMIN_KEY, ...options });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const harness = new SimHarness(app);
    harness.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return harness;
  }

  async close(): Promise<void> {
    await this.app.close();
  }

  async admin<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.url}/admin${path}`, {
      method,
      headers: { 'x-admin-key': ADMIN_KEY, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  async mailbox(smtp: string, extra: Record<string, unknown> = {}): Promise<void> {
    const res = await this.admin('POST', '/mailboxes', { smtp, password: 'pass', ...extra });
    if (res.status !== 201) throw new Error(`mailbox ${smtp}: ${JSON.stringify(res.body)}`);
  }

  /** Posts one EWS operation (the Body child) with Basic auth and records both sides for schema validation. */
  async ews(body: string, options: EwsCallOptions = {}): Promise<EwsReply> {
    const impersonation = options.impersonate
      ? `<t:ExchangeImpersonation xmlns:t="${NS_T}"><t:ConnectingSID><t:PrimarySmtpAddress>${options.impersonate}</t:PrimarySmtpAddress></t:ConnectingSID></t:ExchangeImpersonation>`
      : '';
    const request = options.raw ?? envelope(body, impersonation + (options.header ?? ''));
    const label = /<m:(\w+)/.exec(body)?.[1] ?? 'raw';
    if (!options.raw) this.schema.add('request', label, request);
    const credentials = Buffer.from(`${options.user ?? 'alice@test.example'}:${options.password ?? 'pass'}`).toString('base64');
    const headers: Record<string, string> = { 'content-type': 'text/xml; charset=utf-8' };
    if (options.authorization !== null) headers.authorization = options.authorization ?? `Basic ${credentials}`;
    const signal = options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : undefined;
    const res = await fetch(`${this.url}/EWS/Exchange.asmx`, { method: 'POST', headers, body: request, signal });
    const xml = await res.text();
    if (res.status !== 401) this.schema.add('response', label, xml);
    return { status: res.status, xml, doc: xml.startsWith('<?xml') ? parseXml(xml) : undefined, headers: res.headers };
  }
}

/** All descendants with a local name, depth-first. */
export function all(node: XNode | undefined, local: string): XNode[] {
  if (!node) return [];
  const out: XNode[] = [];
  const walk = (n: XNode) => {
    for (const c of n.children) {
      if (c.local === local) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

export function first(node: XNode | undefined, local: string): XNode | undefined {
  return all(node, local)[0];
}

export function codes(reply: EwsReply): string[] {
  return all(reply.doc, 'ResponseCode').map((n) => n.text);
}
