import { createHmac, timingSafeEqual, verify, type KeyObject } from 'node:crypto';
import { decodeToken, type DecodedToken, type TokenAlgorithm, type TokenClaims } from './token-codec.js';
import { loadPublicKey, loadSecret, publicKeyId, secretKeyId, type KeySource, type SecretSource } from './keys.js';
import type { NonceStore } from './nonce-store.port.js';
import { TOKEN_ERROR_CODES, TokenError } from './token.error.js';

export type VerificationKey = { algorithm: 'ed25519'; publicKey: KeySource } | { algorithm: 'hs256'; secret: SecretSource };

export interface TokenVerifierOptions {
  /** Every key accepted; more than one during a key rotation. */
  keys: VerificationKey[];
  nonceStore: NonceStore;
  /** How long after issue a token is accepted (default 5 minutes). */
  maxAgeMs?: number;
  /** Tolerated difference between the signer's and our clock (default 30 seconds). */
  clockSkewMs?: number;
  now?: () => number;
}

export interface VerifiedToken extends TokenClaims {
  algorithm: TokenAlgorithm;
  keyId: string;
}

export interface TokenVerifier {
  /** Resolves with the claims or rejects with a TokenError; a token verifies at most once. */
  verify(token: string): Promise<VerifiedToken>;
}

interface LoadedKey {
  algorithm: TokenAlgorithm;
  check(token: DecodedToken): boolean;
}

function loadKey(key: VerificationKey): [string, LoadedKey] {
  if (key.algorithm === 'ed25519') {
    const publicKey: KeyObject = loadPublicKey(key.publicKey);
    const check = (token: DecodedToken) =>
      token.signature.length === 64 && verify(null, Buffer.from(token.signingInput, 'utf8'), publicKey, token.signature);
    return [publicKeyId(publicKey), { algorithm: 'ed25519', check }];
  }
  const secret = loadSecret(key.secret);
  const check = (token: DecodedToken) => {
    const expected = createHmac('sha256', secret).update(token.signingInput, 'utf8').digest();
    return token.signature.length === expected.length && timingSafeEqual(token.signature, expected);
  };
  return [secretKeyId(secret), { algorithm: 'hs256', check }];
}

export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  if (options.keys.length === 0) throw new TokenError(TOKEN_ERROR_CODES.INVALID_KEY_MATERIAL, 'at least one verification key is needed');
  const keys = new Map(options.keys.map(loadKey));
  const maxAgeMs = options.maxAgeMs ?? 5 * 60_000;
  const skewMs = options.clockSkewMs ?? 30_000;
  const now = options.now ?? Date.now;

  return {
    async verify(token) {
      const decoded = decodeToken(token);
      const key = keys.get(decoded.keyId);
      if (!key || key.algorithm !== decoded.algorithm) throw new TokenError(TOKEN_ERROR_CODES.UNKNOWN_KEY, 'token was signed with a key this server does not hold');
      if (!key.check(decoded)) throw new TokenError(TOKEN_ERROR_CODES.BAD_SIGNATURE, 'token signature does not match its content');
      const current = now();
      const { issuedAt } = decoded.claims;
      if (issuedAt > current + skewMs) throw new TokenError(TOKEN_ERROR_CODES.NOT_YET_VALID, 'token is issued in the future');
      const acceptableUntil = issuedAt + maxAgeMs + skewMs;
      if (acceptableUntil < current) throw new TokenError(TOKEN_ERROR_CODES.EXPIRED, 'token is expired');
      // Only a genuine, fresh token may spend its nonce, so forged tokens cannot burn nonces.
      if (!(await options.nonceStore.claim(decoded.claims.nonce, acceptableUntil, current)))
        throw new TokenError(TOKEN_ERROR_CODES.REPLAYED, 'token was already used');
      return { ...decoded.claims, algorithm: decoded.algorithm, keyId: decoded.keyId };
    },
  };
}
