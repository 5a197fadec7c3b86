import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MemoryNonceStore,
  TOKEN_ERROR_CODES,
  createTokenSigner,
  createTokenVerifier,
  generateHmacSecret,
  generateKeyPair,
  writeKeyFiles,
  type TokenErrorCode,
  type VerificationKey,
} from './index.js';

const T0 = Date.UTC(2026, 10, 25, 12, 0, 0);

function setup(keys?: VerificationKey[], overrides: { maxAgeMs?: number; clockSkewMs?: number } = {}) {
  const pair = generateKeyPair();
  const clock = { now: T0 };
  const signer = createTokenSigner({ key: { algorithm: 'ed25519', privateKey: pair.privateKeyPem }, now: () => clock.now });
  const store = new MemoryNonceStore();
  const verifier = createTokenVerifier({
    keys: keys ?? [{ algorithm: 'ed25519', publicKey: pair.publicKeyPem }],
    nonceStore: store,
    now: () => clock.now,
    ...overrides,
  });
  return { pair, clock, signer, verifier, store };
}

async function rejection(promise: Promise<unknown>): Promise<TokenErrorCode> {
  try {
    await promise;
  } catch (error) {
    return (error as { code: TokenErrorCode }).code;
  }
  throw new Error('expected a rejection');
}

function swapSegment(token: string, index: number, value: string): string {
  const parts = token.split('.');
  parts[index] = value;
  return parts.join('.');
}

describe('Ed25519 tokens', () => {
  it('round-trips user, issue time and nonce', async () => {
    const { signer, verifier } = setup();
    const token = signer.issue('alice@demo.example');
    expect(token.startsWith('crmt1.ed25519.')).toBe(true);
    const claims = await verifier.verify(token);
    expect(claims).toMatchObject({ user: 'alice@demo.example', issuedAt: T0, algorithm: 'ed25519', keyId: signer.keyId });
    expect(claims.nonce).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('accepts a token up to max age plus skew, rejects it after', async () => {
    const { signer, verifier, clock } = setup(undefined, { maxAgeMs: 60_000, clockSkewMs: 5_000 });
    const fresh = signer.issue('alice');
    const stale = signer.issue('alice');
    clock.now = T0 + 65_000;
    await expect(verifier.verify(fresh)).resolves.toMatchObject({ user: 'alice' });
    clock.now = T0 + 65_001;
    expect(await rejection(verifier.verify(stale))).toBe(TOKEN_ERROR_CODES.EXPIRED);
  });

  it('uses 5 minutes max age and 30 s skew by default', async () => {
    const { signer, verifier, clock } = setup();
    const token = signer.issue('alice');
    clock.now = T0 + 5 * 60_000 + 30_001;
    expect(await rejection(verifier.verify(token))).toBe(TOKEN_ERROR_CODES.EXPIRED);
    clock.now = T0 - 30_000;
    await expect(verifier.verify(signer.issue('alice'))).resolves.toBeTruthy();
  });

  it('rejects future-dated tokens beyond the clock skew', async () => {
    const { signer, verifier, clock } = setup();
    const token = signer.issue('alice');
    clock.now = T0 - 30_001;
    expect(await rejection(verifier.verify(token))).toBe(TOKEN_ERROR_CODES.NOT_YET_VALID);
  });

  it('rejects a replayed token and accepts a new one for the same user', async () => {
    const { signer, verifier } = setup();
    const token = signer.issue('alice');
    await verifier.verify(token);
    expect(await rejection(verifier.verify(token))).toBe(TOKEN_ERROR_CODES.REPLAYED);
    await expect(verifier.verify(signer.issue('alice'))).resolves.toBeTruthy();
  });

  it('rejects a tampered payload or signature', async () => {
    const { signer, verifier } = setup();
    const token = signer.issue('alice');
    const forgedPayload = Buffer.from(JSON.stringify({ u: 'bob', iat: T0, n: 'AAAAAAAAAAAAAAAAAAAAAA' })).toString('base64url');
    expect(await rejection(verifier.verify(swapSegment(token, 3, forgedPayload)))).toBe(TOKEN_ERROR_CODES.BAD_SIGNATURE);
    const signature = Buffer.from(token.split('.')[4]!, 'base64url');
    signature[0] = signature[0]! ^ 1;
    expect(await rejection(verifier.verify(swapSegment(token, 4, signature.toString('base64url'))))).toBe(TOKEN_ERROR_CODES.BAD_SIGNATURE);
  });

  it('rejects a token of another key, and a bad signature under a claimed known key id', async () => {
    const { verifier, signer } = setup();
    const stranger = createTokenSigner({ key: { algorithm: 'ed25519', privateKey: generateKeyPair().privateKeyPem }, now: () => T0 });
    const foreign = stranger.issue('alice');
    expect(await rejection(verifier.verify(foreign))).toBe(TOKEN_ERROR_CODES.UNKNOWN_KEY);
    expect(await rejection(verifier.verify(swapSegment(foreign, 2, signer.keyId)))).toBe(TOKEN_ERROR_CODES.BAD_SIGNATURE);
  });

  it('rejects malformed tokens without touching the nonce store', async () => {
    const { verifier, signer, store } = setup();
    const good = signer.issue('alice');
    const cases: Array<[unknown, TokenErrorCode]> = [
      ['', TOKEN_ERROR_CODES.MALFORMED],
      [42, TOKEN_ERROR_CODES.MALFORMED],
      ['a.b.c', TOKEN_ERROR_CODES.MALFORMED],
      ['x'.repeat(5000), TOKEN_ERROR_CODES.MALFORMED],
      [swapSegment(good, 0, 'crmt9'), TOKEN_ERROR_CODES.UNSUPPORTED_VERSION],
      [swapSegment(good, 1, 'rs256'), TOKEN_ERROR_CODES.UNSUPPORTED_ALGORITHM],
      [swapSegment(good, 3, 'not+base64'), TOKEN_ERROR_CODES.MALFORMED],
      [swapSegment(good, 3, Buffer.from('[1]').toString('base64url')), TOKEN_ERROR_CODES.MALFORMED],
      [swapSegment(good, 3, Buffer.from('{"u":"a","iat":1}').toString('base64url')), TOKEN_ERROR_CODES.MALFORMED],
      [swapSegment(good, 3, Buffer.from('{"u":"","iat":1,"n":"AAAAAAAAAAAAAAAAAAAAAA"}').toString('base64url')), TOKEN_ERROR_CODES.MALFORMED],
      [swapSegment(good, 3, Buffer.from('{"u":"a","iat":-1,"n":"AAAAAAAAAAAAAAAAAAAAAA"}').toString('base64url')), TOKEN_ERROR_CODES.MALFORMED],
      [swapSegment(good, 3, Buffer.from('{"u":"a\\n","iat":1,"n":"AAAAAAAAAAAAAAAAAAAAAA"}').toString('base64url')), TOKEN_ERROR_CODES.MALFORMED],
      [`${good}.extra`, TOKEN_ERROR_CODES.MALFORMED],
    ];
    for (const [token, code] of cases) expect(await rejection(verifier.verify(token as string)), String(token).slice(0, 40)).toBe(code);
    expect(store.size).toBe(0);
  });

  it('loads keys from PEM files written by the key generator', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-token-'));
    const [privateFile, publicFile] = writeKeyFiles(dir);
    const signer = createTokenSigner({ key: { algorithm: 'ed25519', privateKey: privateFile! }, now: () => T0 });
    const verifier = createTokenVerifier({ keys: [{ algorithm: 'ed25519', publicKey: publicFile! }], nonceStore: new MemoryNonceStore(), now: () => T0 });
    await expect(verifier.verify(signer.issue('carla'))).resolves.toMatchObject({ user: 'carla' });
    expect(readFileSync(privateFile!, 'utf8')).toContain('PRIVATE KEY');
  });

  it('refuses key material that is not Ed25519 or too short a secret', () => {
    expect(() => createTokenSigner({ key: { algorithm: 'ed25519', privateKey: '-----BEGIN PRIVATE KEY-----\nxx\n-----END PRIVATE KEY-----' } })).toThrow(
      expect.objectContaining({ code: TOKEN_ERROR_CODES.INVALID_KEY_MATERIAL }),
    );
    expect(() => createTokenSigner({ key: { algorithm: 'hs256', secret: 'short' } })).toThrow(expect.objectContaining({ code: TOKEN_ERROR_CODES.INVALID_KEY_MATERIAL }));
  });
});

describe('HMAC-SHA256 tokens', () => {
  it('verifies with the shared secret and rejects another secret', async () => {
    const secret = generateHmacSecret();
    const signer = createTokenSigner({ key: { algorithm: 'hs256', secret }, now: () => T0 });
    const verifier = createTokenVerifier({ keys: [{ algorithm: 'hs256', secret }], nonceStore: new MemoryNonceStore(), now: () => T0 });
    const token = signer.issue('bob');
    expect(token.startsWith('crmt1.hs256.')).toBe(true);
    await expect(verifier.verify(token)).resolves.toMatchObject({ user: 'bob', algorithm: 'hs256' });
    const other = createTokenVerifier({ keys: [{ algorithm: 'hs256', secret: generateHmacSecret() }], nonceStore: new MemoryNonceStore(), now: () => T0 });
    expect(await rejection(other.verify(signer.issue('bob')))).toBe(TOKEN_ERROR_CODES.UNKNOWN_KEY);
  });

  it('accepts both algorithms during a rotation when both keys are configured', async () => {
    const secret = generateHmacSecret();
    const pair = generateKeyPair();
    const verifier = createTokenVerifier({
      keys: [{ algorithm: 'hs256', secret }, { algorithm: 'ed25519', publicKey: pair.publicKeyPem }],
      nonceStore: new MemoryNonceStore(),
      now: () => T0,
    });
    const hs = createTokenSigner({ key: { algorithm: 'hs256', secret }, now: () => T0 });
    const ed = createTokenSigner({ key: { algorithm: 'ed25519', privateKey: pair.privateKeyPem }, now: () => T0 });
    await expect(verifier.verify(hs.issue('a'))).resolves.toMatchObject({ algorithm: 'hs256' });
    await expect(verifier.verify(ed.issue('a'))).resolves.toMatchObject({ algorithm: 'ed25519' });
  });
});

describe('MemoryNonceStore', () => {
  it('lets a nonce be reused only after its expiry and purges expired ones', async () => {
    const store = new MemoryNonceStore(1_000_000);
    expect(await store.claim('n1', 100, 0)).toBe(true);
    expect(await store.claim('n1', 100, 50)).toBe(false);
    expect(await store.claim('n1', 300, 100)).toBe(true);
    await store.claim('n2', 150, 100);
    expect(store.purge(200)).toBe(1);
    expect(store.size).toBe(1);
  });
});
