import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedDatabase, type IsolatedDatabase } from '@connector/testing';
import { PgNonceStore, TOKEN_ERROR_CODES, createTokenSigner, createTokenVerifier, generateKeyPair } from './index.js';

describe('PgNonceStore on a real PostgreSQL', () => {
  let db: IsolatedDatabase;
  let poolA: pg.Pool;
  let poolB: pg.Pool;
  let storeA: PgNonceStore;
  let storeB: PgNonceStore;

  beforeAll(async () => {
    db = await isolatedDatabase('crm_token');
    poolA = new pg.Pool({ connectionString: db.url, max: 4 });
    poolB = new pg.Pool({ connectionString: db.url, max: 4 });
    // drop() terminates backends that a closing pool may still hold; that is expected here.
    for (const pool of [poolA, poolB]) pool.on('error', () => undefined);
    await poolA.query('CREATE SCHEMA crm');
    storeA = new PgNonceStore({ db: poolA, table: 'crm.token_nonce' });
    storeB = new PgNonceStore({ db: poolB, table: 'crm.token_nonce' });
    await Promise.all([storeA.ensureTable(), storeB.ensureTable(), storeA.ensureTable()]);
  });

  afterAll(async () => {
    await poolA.end();
    await poolB.end();
    await db.drop();
  });

  it('accepts a nonce once across two instances sharing the database', async () => {
    expect(await storeA.claim('nonce-shared-1', 10_000, 0)).toBe(true);
    expect(await storeB.claim('nonce-shared-1', 10_000, 1)).toBe(false);
    expect(await storeA.claim('nonce-shared-1', 10_000, 2)).toBe(false);
  });

  it('lets exactly one of many concurrent claims win', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? storeA : storeB).claim('nonce-race', 10_000, 0)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('takes over an expired nonce that was not purged yet, and purges expired rows', async () => {
    expect(await storeA.claim('nonce-old', 1_000, 0)).toBe(true);
    expect(await storeB.claim('nonce-old', 5_000, 1_000)).toBe(true);
    await storeA.claim('nonce-purge', 2_000, 0);
    expect(await storeA.purge(4_000)).toBeGreaterThanOrEqual(1);
    const { rows } = await poolA.query<{ nonce: string }>("SELECT nonce FROM crm.token_nonce WHERE nonce LIKE 'nonce-%' ORDER BY nonce");
    expect(rows.map((r) => r.nonce)).toEqual(['nonce-old', 'nonce-race', 'nonce-shared-1']);
  });

  it('rejects a replayed token verified by another instance', async () => {
    const pair = generateKeyPair();
    const now = () => Date.UTC(2026, 0, 1);
    const signer = createTokenSigner({ key: { algorithm: 'ed25519', privateKey: pair.privateKeyPem }, now });
    const keys = [{ algorithm: 'ed25519' as const, publicKey: pair.publicKeyPem }];
    const instanceA = createTokenVerifier({ keys, nonceStore: storeA, now });
    const instanceB = createTokenVerifier({ keys, nonceStore: storeB, now });
    const token = signer.issue('alice');
    await expect(instanceA.verify(token)).resolves.toMatchObject({ user: 'alice' });
    await expect(instanceB.verify(token)).rejects.toMatchObject({ code: TOKEN_ERROR_CODES.REPLAYED });
  });

  it('purges on a timer until stopped', async () => {
    await storeA.claim('nonce-timer', 1, 0);
    const stop = storeA.startPurging(20, () => 10);
    await new Promise((resolve) => setTimeout(resolve, 80));
    stop();
    const { rowCount } = await poolA.query("SELECT 1 FROM crm.token_nonce WHERE nonce = 'nonce-timer'");
    expect(rowCount).toBe(0);
  });
});
