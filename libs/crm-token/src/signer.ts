import { createHmac, randomBytes, sign, type KeyObject } from 'node:crypto';
import { encodePayload, signingInputOf, type TokenAlgorithm } from './token-codec.js';
import { loadPrivateKey, loadPublicKey, loadSecret, publicKeyId, secretKeyId, type KeySource, type SecretSource } from './keys.js';

export type SigningKey = { algorithm: 'ed25519'; privateKey: KeySource } | { algorithm: 'hs256'; secret: SecretSource };

export interface TokenSignerOptions {
  key: SigningKey;
  /** Milliseconds since the epoch; injectable for tests. */
  now?: () => number;
  nonce?: () => string;
}

export interface TokenSigner {
  readonly algorithm: TokenAlgorithm;
  readonly keyId: string;
  /** A fresh single-use token for this CRM user. */
  issue(user: string): string;
}

export function randomNonce(): string {
  return randomBytes(16).toString('base64url');
}

function signatureFunction(key: SigningKey): { keyId: string; sign: (input: string) => Buffer } {
  if (key.algorithm === 'ed25519') {
    const privateKey: KeyObject = loadPrivateKey(key.privateKey);
    return { keyId: publicKeyId(loadPublicKey(privateKey)), sign: (input) => sign(null, Buffer.from(input, 'utf8'), privateKey) };
  }
  const secret = loadSecret(key.secret);
  return { keyId: secretKeyId(secret), sign: (input) => createHmac('sha256', secret).update(input, 'utf8').digest() };
}

export function createTokenSigner(options: TokenSignerOptions): TokenSigner {
  const now = options.now ?? Date.now;
  const nonce = options.nonce ?? randomNonce;
  const { keyId, sign: signInput } = signatureFunction(options.key);
  const algorithm = options.key.algorithm;
  return {
    algorithm,
    keyId,
    issue(user) {
      const payload = encodePayload({ user, issuedAt: Math.floor(now()), nonce: nonce() });
      const input = signingInputOf(algorithm, keyId, payload);
      return `${input}.${signInput(input).toString('base64url')}`;
    },
  };
}
