import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { isolatedDatabase, type IsolatedDatabase } from '@connector/testing';
import { MIGRATIONS } from './index.js';
import { migrate } from './migrate.js';

const pools: pg.Pool[] = [];
let db: IsolatedDatabase;

function pool(): pg.Pool {
  const p = new pg.Pool({ connectionString: db.url, max: 2 });
  pools.push(p);
  return p;
}

async function tables(p: pg.Pool): Promise<string[]> {
  const { rows } = await p.query<{ t: string }>(`SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'sync' ORDER BY 1`);
  return rows.map((r) => r.t);
}

beforeEach(async () => {
  db = await isolatedDatabase('migrate');
});
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.end()));
  await db.drop();
});

describe('migrate', () => {
  it('creates every table once and is a no-op the second time', async () => {
    const p = pool();
    expect(await migrate(p)).toEqual({ applied: MIGRATIONS.map((m) => m.id) });
    expect(await migrate(p)).toEqual({ applied: [] });
    expect(await tables(p)).toEqual([
      'conflicts', 'history', 'links', 'mailbox_cycles', 'mailbox_errors', 'mailbox_status', 'quarantine', 'schema_migrations',
    ]);
  });

  it('is safe when several services start at once: each migration is applied exactly once', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => migrate(pool())));
    const applied = results.flatMap((r) => r.applied).sort((a, b) => a - b);
    expect(applied).toEqual(MIGRATIONS.map((m) => m.id));
    const { rows } = await pools[0]!.query<{ id: number }>('SELECT id FROM sync.schema_migrations ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id));
  });

  it('rolls a failing migration back whole and records nothing for it', async () => {
    const p = pool();
    const broken = { id: 99, name: 'broken', sql: 'CREATE TABLE sync.half (id int); SELECT no_such_function();' };
    await expect(migrate(p, [...MIGRATIONS, broken])).rejects.toThrow(/no_such_function/);
    expect(await tables(p)).not.toContain('half');
    const { rowCount } = await p.query('SELECT 1 FROM sync.schema_migrations WHERE id = 99');
    expect(rowCount).toBe(0);
    expect(await migrate(p)).toEqual({ applied: [] });
  });

  it('refuses an edited migration and a list out of order', async () => {
    const p = pool();
    await migrate(p);
    const edited = MIGRATIONS.map((m, i) => (i === 0 ? { ...m, sql: `${m.sql}\n-- edited` } : m));
    await expect(migrate(p, edited)).rejects.toMatchObject({ code: 'MIGRATION_CHECKSUM_MISMATCH' });
    await expect(migrate(p, [...MIGRATIONS].reverse())).rejects.toMatchObject({ code: 'MIGRATION_INVALID' });
  });
});
