import { TOKEN_ERROR_CODES, TokenError } from './token.error.js';

/** Version marker: the first segment of every token; a new layout gets a new marker. */
export const TOKEN_VERSION = 'crmt1';
export const TOKEN_ALGORITHMS = ['ed25519', 'hs256'] as const;
export type TokenAlgorithm = (typeof TOKEN_ALGORITHMS)[number];

export interface TokenClaims {
  /** CRM user name (login) the token speaks for. */
  user: string;
  /** Issue time, milliseconds since the epoch. */
  issuedAt: number;
  /** Random, single-use value (base64url). */
  nonce: string;
}

export interface DecodedToken {
  algorithm: TokenAlgorithm;
  keyId: string;
  claims: TokenClaims;
  /** The exact bytes the signature covers: version, algorithm, key id and payload. */
  signingInput: string;
  signature: Buffer;
}

const B64URL = /^[A-Za-z0-9_-]+$/;
const MAX_TOKEN_LENGTH = 2048;
const MAX_USER_LENGTH = 256;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

function malformed(message: string): TokenError {
  return new TokenError(TOKEN_ERROR_CODES.MALFORMED, message);
}

export function validateClaims(claims: TokenClaims): void {
  if (typeof claims.user !== 'string' || claims.user.length === 0 || claims.user.length > MAX_USER_LENGTH)
    throw malformed('user must be a non-empty string of at most 256 characters');
  if (CONTROL_CHARS.test(claims.user)) throw malformed('user must not contain control characters');
  if (!Number.isSafeInteger(claims.issuedAt) || claims.issuedAt < 0) throw malformed('issuedAt must be a non-negative integer');
  if (typeof claims.nonce !== 'string' || claims.nonce.length < 16 || claims.nonce.length > 64 || !B64URL.test(claims.nonce))
    throw malformed('nonce must be 16-64 base64url characters');
}

/** Canonical payload: fixed key order, no whitespace; the signature covers these exact bytes anyway. */
export function encodePayload(claims: TokenClaims): string {
  validateClaims(claims);
  const json = JSON.stringify({ u: claims.user, iat: claims.issuedAt, n: claims.nonce });
  return Buffer.from(json, 'utf8').toString('base64url');
}

export function signingInputOf(algorithm: TokenAlgorithm, keyId: string, payload: string): string {
  return `${TOKEN_VERSION}.${algorithm}.${keyId}.${payload}`;
}

function decodePayload(segment: string): TokenClaims {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch {
    throw malformed('payload is not base64url JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw malformed('payload is not an object');
  const record = parsed as Record<string, unknown>;
  const keys = Object.keys(record).sort().join(',');
  if (keys !== 'iat,n,u') throw malformed('payload must hold exactly u, iat and n');
  const claims = { user: record.u, issuedAt: record.iat, nonce: record.n } as TokenClaims;
  validateClaims(claims);
  return claims;
}

/** Splits and checks the structure; signature and time are the verifier's business. */
export function decodeToken(token: unknown): DecodedToken {
  if (typeof token !== 'string' || token.length === 0) throw malformed('token must be a non-empty string');
  if (token.length > MAX_TOKEN_LENGTH) throw malformed('token is too long');
  const parts = token.split('.');
  if (parts.length !== 5) throw malformed('token must have 5 dot-separated segments');
  const [version, algorithm, keyId, payload, signature] = parts as [string, string, string, string, string];
  if (version !== TOKEN_VERSION) throw new TokenError(TOKEN_ERROR_CODES.UNSUPPORTED_VERSION, `unsupported token version "${version.slice(0, 16)}"`);
  if (!(TOKEN_ALGORITHMS as readonly string[]).includes(algorithm))
    throw new TokenError(TOKEN_ERROR_CODES.UNSUPPORTED_ALGORITHM, `unsupported algorithm "${algorithm.slice(0, 16)}"`);
  for (const segment of [keyId, payload, signature]) if (!B64URL.test(segment)) throw malformed('segments must be base64url');
  return {
    algorithm: algorithm as TokenAlgorithm,
    keyId,
    claims: decodePayload(payload),
    signingInput: signingInputOf(algorithm as TokenAlgorithm, keyId, payload),
    signature: Buffer.from(signature, 'base64url'),
  };
}
