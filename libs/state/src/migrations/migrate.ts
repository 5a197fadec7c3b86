import { createHash } from 'node:crypto';
import { SCHEMA, inTransaction, type SqlPool } from '../db/sql.js';
import { StateError } from '../state.error.js';
import { MIGRATIONS } from './index.js';
import type { Migration } from './migration.js';

// One fixed key: every process migrating this database waits for the same lock.
const LOCK_KEY = 'connector-sync-schema-migrations';

export interface MigrationResult {
  /** Ids applied by this call (empty when another process had already applied everything). */
  applied: number[];
}

function checksum(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

function validate(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    const previous = migrations[i - 1];
    if (!Number.isInteger(m.id) || m.id < 1 || (previous && m.id <= previous.id))
      throw new StateError('MIGRATION_INVALID', `migration ids must ascend from 1 (${m.id} after ${previous?.id ?? 'none'})`);
  });
}

/**
 * Brings the `sync` schema up to date. Safe when several services start at once: each migration
 * runs in its own transaction under a transaction-scoped advisory lock and re-checks, inside the
 * lock, whether another process applied it meanwhile. A failing migration rolls back whole.
 */
export async function migrate(pool: SqlPool, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationResult> {
  validate(migrations);
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [LOCK_KEY]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${SCHEMA}.schema_migrations (
         id integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
  });
  const applied: number[] = [];
  for (const migration of migrations) {
    const didApply = await inTransaction(pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [LOCK_KEY]);
      const { rows } = await client.query<{ checksum: string }>(`SELECT checksum FROM ${SCHEMA}.schema_migrations WHERE id = $1`, [
        migration.id,
      ]);
      const existing = rows[0];
      if (existing) {
        if (existing.checksum !== checksum(migration.sql))
          throw new StateError('MIGRATION_CHECKSUM_MISMATCH', `migration ${migration.id} (${migration.name})`);
        return false;
      }
      await client.query(migration.sql);
      await client.query(`INSERT INTO ${SCHEMA}.schema_migrations (id, name, checksum) VALUES ($1, $2, $3)`, [
        migration.id,
        migration.name,
        checksum(migration.sql),
      ]);
      return true;
    });
    if (didApply) applied.push(migration.id);
  }
  return { applied };
}
