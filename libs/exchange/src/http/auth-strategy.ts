import type http from 'node:http';
import ntlm from '@ewsjs/ntlm-client';
import type { ExchangeAuth } from '../ews-gateway.config.js';
import { createAgent, sendOnce, type RawRequest, type RawResponse } from './http-transport.js';

/** Sends one request with the configured authentication. */
export interface AuthenticatedSender {
  send(request: RawRequest, timeoutMs: number): Promise<RawResponse>;
  /** NTLM handshakes done so far (each costs one extra round trip). */
  readonly handshakes: number;
  close(): void;
}

export function createSender(url: string, auth: ExchangeAuth, options: { maxSockets: number; allowUntrustedCertificate?: boolean }): AuthenticatedSender {
  if (auth.kind === 'ntlm') return new NtlmSender(url, auth, options);
  const agent = createAgent(url, options);
  return {
    handshakes: 0,
    async send(request, timeoutMs) {
      const authorization =
        auth.kind === 'basic'
          ? `Basic ${Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64')}`
          : `Bearer ${await auth.getToken()}`;
      return sendOnce(agent, { ...request, headers: { ...request.headers, Authorization: authorization } }, timeoutMs);
    },
    close: () => agent.destroy(),
  };
}

interface NtlmConnection {
  agent: http.Agent;
  /** The socket that completed the handshake; requests on it need no Authorization header. */
  authenticated: object | null;
  busy: boolean;
}

/**
 * NTLM authenticates a TCP connection, not a request. Each pooled "connection" is an agent with
 * a single keep-alive socket: the Type1/Type2/Type3 handshake runs once per socket and later
 * requests on that socket go without it. A 401 on an authenticated socket (server dropped the
 * context) or a new socket (old one closed) triggers a fresh handshake.
 */
class NtlmSender implements AuthenticatedSender {
  handshakes = 0;
  private readonly pool: NtlmConnection[] = [];
  private readonly user: string;
  private readonly domain: string;

  constructor(
    private readonly url: string,
    private readonly auth: { username: string; password: string },
    private readonly options: { maxSockets: number; allowUntrustedCertificate?: boolean },
  ) {
    const [domain, user] = auth.username.includes('\\') ? auth.username.split('\\', 2) : ['', auth.username];
    this.domain = (domain ?? '').toUpperCase();
    this.user = user ?? auth.username;
  }

  async send(request: RawRequest, timeoutMs: number): Promise<RawResponse> {
    const conn = this.take();
    try {
      if (conn.authenticated) {
        const res = await sendOnce(conn.agent, request, timeoutMs);
        if (res.status !== 401) return res;
        conn.authenticated = null;
      }
      return await this.handshake(conn, request, timeoutMs);
    } finally {
      conn.busy = false;
    }
  }

  close(): void {
    for (const conn of this.pool) conn.agent.destroy();
    this.pool.length = 0;
  }

  private take(): NtlmConnection {
    let conn = this.pool.find((c) => !c.busy && c.authenticated) ?? this.pool.find((c) => !c.busy);
    if (!conn) {
      conn = { agent: createAgent(this.url, { ...this.options, maxSockets: 1 }), authenticated: null, busy: false };
      this.pool.push(conn);
    }
    conn.busy = true;
    return conn;
  }

  private async handshake(conn: NtlmConnection, request: RawRequest, timeoutMs: number): Promise<RawResponse> {
    this.handshakes += 1;
    const type1 = ntlm.createType1Message('.', this.domain);
    const challenge = await sendOnce(conn.agent, { ...request, body: '', headers: { ...request.headers, Authorization: type1 } }, timeoutMs);
    const header = [challenge.headers['www-authenticate']].flat().find((h) => h?.startsWith('NTLM '));
    if (challenge.status !== 401 || !header) return challenge;
    const type3 = ntlm.createType3Message(ntlm.decodeType2Message(header), this.user, this.auth.password, '.', this.domain);
    const res = await sendOnce(conn.agent, { ...request, headers: { ...request.headers, Authorization: type3 } }, timeoutMs);
    conn.authenticated = res.status !== 401 && res.socket === challenge.socket ? res.socket : null;
    return res;
  }
}
