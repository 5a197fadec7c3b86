import { createHash, createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { TOKEN_ERROR_CODES, TokenError } from './token.error.js';

/** PEM text, a path to a PEM file, or a KeyObject. */
export type KeySource = string | KeyObject;
/** The shared secret itself (≥ 32 bytes), or `file:<path>` to read it from a file. */
export type SecretSource = string | Buffer;

const MIN_SECRET_BYTES = 32;

function invalid(message: string): TokenError {
  return new TokenError(TOKEN_ERROR_CODES.INVALID_KEY_MATERIAL, message);
}

function pemText(source: string): string {
  if (source.includes('-----BEGIN')) return source;
  try {
    return readFileSync(source, 'utf8');
  } catch (error) {
    throw invalid(`cannot read key file ${source}: ${(error as Error).message}`);
  }
}

function requireEd25519(key: KeyObject, kind: string): KeyObject {
  if (key.asymmetricKeyType !== 'ed25519') throw invalid(`${kind} key must be Ed25519, got ${key.asymmetricKeyType ?? 'symmetric'}`);
  return key;
}

export function loadPrivateKey(source: KeySource): KeyObject {
  if (typeof source !== 'string') return requireEd25519(source, 'private');
  try {
    return requireEd25519(createPrivateKey(pemText(source)), 'private');
  } catch (error) {
    throw error instanceof TokenError ? error : invalid(`not a private key: ${(error as Error).message}`);
  }
}

export function loadPublicKey(source: KeySource): KeyObject {
  if (typeof source !== 'string') return requireEd25519(source.type === 'private' ? createPublicKey(source) : source, 'public');
  try {
    return requireEd25519(createPublicKey(pemText(source)), 'public');
  } catch (error) {
    throw error instanceof TokenError ? error : invalid(`not a public key: ${(error as Error).message}`);
  }
}

export function loadSecret(source: SecretSource): Buffer {
  let secret: Buffer;
  if (Buffer.isBuffer(source)) secret = source;
  else if (source.startsWith('file:')) {
    try {
      secret = Buffer.from(readFileSync(source.slice(5), 'utf8').trim(), 'utf8');
    } catch (error) {
      throw invalid(`cannot read secret file: ${(error as Error).message}`);
    }
  } else secret = Buffer.from(source, 'utf8');
  if (secret.length < MIN_SECRET_BYTES) throw invalid(`HMAC secret must be at least ${MIN_SECRET_BYTES} bytes`);
  return secret;
}

/** Short, public identifier of a key, so a verifier holding several keys (rotation) picks the right one. */
export function publicKeyId(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest().subarray(0, 9).toString('base64url');
}

/** Derived with the secret as HMAC key, so the id reveals nothing usable about the secret. */
export function secretKeyId(secret: Buffer): string {
  return createHmac('sha256', secret).update('crm-token key id').digest().subarray(0, 9).toString('base64url');
}

export interface GeneratedKeyPair {
  publicKeyPem: string;
  privateKeyPem: string;
  keyId: string;
}

/** A fresh Ed25519 pair: the connector keeps the private key, CRM.interface gets the public one. */
export function generateKeyPair(): GeneratedKeyPair {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    keyId: publicKeyId(publicKey),
  };
}

export function generateHmacSecret(): string {
  return randomBytes(32).toString('base64url');
}
