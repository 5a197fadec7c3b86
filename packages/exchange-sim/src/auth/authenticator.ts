import type { Socket } from 'node:net';
import type { MailboxStore } from '../store/mailbox-store.js';
import type { Mailbox } from '../store/model.js';
import { buildChallenge, messageType, negotiateFlags, parseAuthenticate } from './ntlm-messages.js';
import { verifyNtlmV2 } from './ntlm-verify.js';
import { isSpnego, negTokenResp, unwrapSpnego } from './spnego.js';

export type AuthMode = 'basic' | 'ntlm' | 'both';

export type AuthResult =
  | { ok: true; principal: Mailbox; wwwAuthenticate?: string[] }
  | { ok: false; wwwAuthenticate: string[]; reason: string };

interface ConnectionState {
  challenge?: Buffer;
  principal?: string;
}

/** "DOMAIN\user", "user@domain" or "user" to a mailbox: by address, else by the address's local part. */
export function findAccount(store: MailboxStore, user: string): Mailbox | undefined {
  const name = user.includes('\\') ? user.slice(user.indexOf('\\') + 1) : user;
  if (name.includes('@')) return store.mailbox(name);
  const lower = name.toLowerCase();
  for (const m of store.mailboxes.values()) if (m.smtp.split('@')[0] === lower) return m;
  return undefined;
}

/**
 * Basic and NTLM as IIS does them: NTLM authenticates the TCP connection (type 1 → 401 with
 * type 2 → type 3), and later requests on that connection need no header.
 */
export class Authenticator {
  private readonly connections = new WeakMap<Socket, ConnectionState>();

  constructor(
    private readonly store: MailboxStore,
    private readonly mode: AuthMode,
    private readonly domain = 'EXCHANGE-SIM',
  ) {}

  private challengeHeaders(): string[] {
    const out: string[] = [];
    if (this.mode !== 'basic') out.push('Negotiate', 'NTLM');
    if (this.mode !== 'ntlm') out.push('Basic realm="exchange-sim"');
    return out;
  }

  private fail(reason: string): AuthResult {
    return { ok: false, wwwAuthenticate: this.challengeHeaders(), reason };
  }

  authenticate(header: string | undefined, socket: Socket): AuthResult {
    const state = this.connections.get(socket) ?? {};
    this.connections.set(socket, state);
    if (!header) {
      const known = state.principal ? this.store.mailbox(state.principal) : undefined;
      return known ? { ok: true, principal: known } : this.fail('no credentials');
    }
    const space = header.indexOf(' ');
    const scheme = (space === -1 ? header : header.slice(0, space)).toLowerCase();
    const token = space === -1 ? '' : header.slice(space + 1).trim();
    if (scheme === 'basic' && this.mode !== 'ntlm') return this.basic(token);
    if ((scheme === 'ntlm' || scheme === 'negotiate') && this.mode !== 'basic') {
      const raw = Buffer.from(token, 'base64');
      if (scheme === 'negotiate' && isSpnego(raw)) return this.spnego(raw, state);
      return this.ntlm(raw, state, scheme);
    }
    return this.fail('unsupported scheme');
  }

  private basic(token: string): AuthResult {
    const decoded = Buffer.from(token, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon === -1) return this.fail('malformed basic credentials');
    const account = findAccount(this.store, decoded.slice(0, colon));
    if (!account || account.password !== decoded.slice(colon + 1)) return this.fail('bad basic credentials');
    return { ok: true, principal: account };
  }

  /** NTLM inside SPNEGO: the same handshake, each answer wrapped in a NegTokenResp. */
  private spnego(token: Buffer, state: ConnectionState): AuthResult {
    const inner = unwrapSpnego(token);
    if (!inner) return this.fail('SPNEGO without an NTLM token (Kerberos is not supported)');
    const result = this.ntlm(inner, state, 'ntlm');
    if (result.ok) return { ...result, wwwAuthenticate: [`Negotiate ${negTokenResp('completed').toString('base64')}`] };
    const challenge = result.wwwAuthenticate[0]?.startsWith('NTLM ') ? Buffer.from(result.wwwAuthenticate[0].slice(5), 'base64') : undefined;
    return challenge ? { ...result, wwwAuthenticate: [`Negotiate ${negTokenResp('incomplete', challenge).toString('base64')}`] } : result;
  }

  private ntlm(message: Buffer, state: ConnectionState, scheme: string): AuthResult {
    const type = messageType(message);
    state.principal = undefined;
    if (type === 1) {
      const challenge = buildChallenge(negotiateFlags(message), this.domain, 'EXSIM01');
      state.challenge = challenge.serverChallenge;
      const name = scheme === 'negotiate' ? 'Negotiate' : 'NTLM';
      return { ok: false, wwwAuthenticate: [`${name} ${challenge.message.toString('base64')}`], reason: 'ntlm challenge' };
    }
    if (type !== 3 || !state.challenge) return this.fail('unexpected NTLM message');
    const serverChallenge = state.challenge;
    state.challenge = undefined;
    let auth;
    try {
      auth = parseAuthenticate(message);
    } catch {
      return this.fail('malformed NTLM message');
    }
    const account = findAccount(this.store, auth.user);
    if (!account || !verifyNtlmV2(auth, serverChallenge, account.password)) return this.fail('bad NTLM credentials');
    state.principal = account.smtp;
    return { ok: true, principal: account };
  }
}
