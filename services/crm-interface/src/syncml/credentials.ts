import { randomBytes } from 'node:crypto';
import type { TokenVerifier } from '@connector/crm-token';
import { isTokenError } from '@connector/crm-token';
import type { Chal, Cred, SyncHdr } from '@connector/syncml';
import { STATUS } from '@connector/syncml';
import type { SyncmlBackend, SyncUser } from './syncml-backend.port.js';

/** Cred Meta Type of the connector's per-request token (see docs/syncml.md). */
export const TOKEN_AUTH_TYPE = 'x-crm-token';
export const BASIC_AUTH_TYPE = 'syncml:auth-basic';
export const MD5_AUTH_TYPE = 'syncml:auth-md5';

export type AuthOutcome =
  | { ok: true; user: SyncUser; status: number }
  | { ok: false; status: number; reason: string };

export interface Authenticator {
  /**
   * Checks the SyncHdr's Cred. A message without Cred continues an authenticated session only
   * when it was posted to the session's RespURI (`atRespUri`), whose secret only that client
   * knows. Any Cred that is sent is checked; a failure ends the session's authentication.
   */
  authenticate(header: SyncHdr, current: SyncUser | undefined, nonce: string, atRespUri: boolean): Promise<AuthOutcome>;
  /** The challenge sent with 401/407 (and with 212, for the next session's MD5 nonce). */
  challenge(nonce: string): Chal;
}

export function newNonce(): string {
  return randomBytes(12).toString('base64');
}

function decodeBasic(cred: Cred): { login: string; password: string } | undefined {
  const text = cred.meta?.format === 'b64' || cred.meta?.format === undefined ? Buffer.from(cred.data, 'base64').toString('utf8') : cred.data;
  const colon = text.indexOf(':');
  return colon > 0 ? { login: text.slice(0, colon), password: text.slice(colon + 1) } : undefined;
}

export function createAuthenticator(backend: SyncmlBackend, verifier: TokenVerifier, challengeType: 'md5' | 'basic' = 'md5'): Authenticator {
  const deny = (status: number, reason: string): AuthOutcome => ({ ok: false, status, reason });

  async function check(cred: Cred, header: SyncHdr, nonce: string): Promise<AuthOutcome> {
    const type = cred.meta?.type ?? BASIC_AUTH_TYPE;
    let user: SyncUser | null = null;
    if (type === TOKEN_AUTH_TYPE) {
      try {
        const claims = await verifier.verify(cred.data.trim());
        user = await backend.findUser(claims.user);
      } catch (error) {
        if (isTokenError(error)) return deny(STATUS.INVALID_CREDENTIALS, error.code);
        throw error;
      }
    } else if (type === BASIC_AUTH_TYPE) {
      const basic = decodeBasic(cred);
      user = basic ? await backend.verifyPassword(basic.login, basic.password) : null;
    } else if (type === MD5_AUTH_TYPE) {
      // SyncML 1.2 carries the user name of an MD5 credential in SyncHdr/Source/LocName.
      const login = header.source.locName;
      user = login ? await backend.verifyMd5(login, Buffer.from(nonce, 'base64'), cred.data.trim()) : null;
    } else {
      return deny(STATUS.INVALID_CREDENTIALS, `unsupported authentication type ${type}`);
    }
    return user ? { ok: true, user, status: STATUS.AUTH_ACCEPTED } : deny(STATUS.INVALID_CREDENTIALS, 'credentials rejected');
  }

  return {
    async authenticate(header, current, nonce, atRespUri) {
      if (!header.cred) {
        return current && atRespUri ? { ok: true, user: current, status: STATUS.OK } : deny(STATUS.MISSING_CREDENTIALS, 'no credentials');
      }
      const outcome = await check(header.cred, header, nonce);
      if (outcome.ok && current && current.userId !== outcome.user.userId) return deny(STATUS.INVALID_CREDENTIALS, 'session belongs to another user');
      return outcome;
    },
    challenge(nonce) {
      return challengeType === 'md5'
        ? { meta: { format: 'b64', type: MD5_AUTH_TYPE, nextNonce: nonce } }
        : { meta: { format: 'b64', type: BASIC_AUTH_TYPE } };
    },
  };
}
