import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedDatabase, type IsolatedDatabase } from '@connector/testing';
import { createDb, type Db } from './database.js';
import { migrate } from './migrate.js';
import { MIGRATIONS } from './migrations/index.js';

describe('migrations', () => {
  let database: IsolatedDatabase;
  let dbs: Db[];

  beforeAll(async () => {
    database = await isolatedDatabase('crm_migrate');
    dbs = [createDb(database.url, 2), createDb(database.url, 2), createDb(database.url, 2)];
  });

  afterAll(async () => {
    await Promise.all(dbs.map((db) => db.pool.end()));
    await database.drop();
  });

  it('applies everything once when several instances start together', async () => {
    const results = await Promise.all(dbs.map((db) => migrate(db)));
    const applied = results.flatMap((result) => result.applied);
    expect(applied.sort()).toEqual(MIGRATIONS.map((m) => m.version).sort());
    for (const result of results) expect(result.current).toBe(MIGRATIONS.length);
    const { rows } = await dbs[0]!.query<{ version: number }>('SELECT version FROM crm.schema_migration ORDER BY version');
    expect(rows.map((row) => row.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('is idempotent on a migrated database', async () => {
    const again = await migrate(dbs[1]!);
    expect(again).toEqual({ applied: [], current: MIGRATIONS.length });
  });

  it('rolls back a failing migration completely', async () => {
    const broken = [...MIGRATIONS, { version: 99, name: 'broken', sql: 'CREATE TABLE crm.half_done (id int); SELECT no_such_function();' }];
    await expect(migrate(dbs[0]!, broken)).rejects.toThrow(/no_such_function/);
    const { rowCount } = await dbs[0]!.query("SELECT 1 FROM information_schema.tables WHERE table_schema = 'crm' AND table_name = 'half_done'");
    expect(rowCount).toBe(0);
    expect((await migrate(dbs[0]!)).applied).toEqual([]);
  });
});
