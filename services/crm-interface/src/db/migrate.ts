import type { Db } from './database.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';

/** Arbitrary but fixed: every CRM.interface instance serialises its migrations on this key. */
const MIGRATION_LOCK_KEY = 720_101;

export interface MigrationResult {
  applied: number[];
  current: number;
}

/**
 * Applies the migrations not yet recorded, all in one transaction under an advisory lock, so two
 * instances starting together neither race nor half-apply: the second waits and finds nothing to do.
 */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<MigrationResult> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.query('CREATE SCHEMA IF NOT EXISTS crm');
    await tx.query(
      `CREATE TABLE IF NOT EXISTS crm.schema_migration (
         version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM crm.schema_migration');
    const done = new Set(rows.map((row) => row.version));
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(migration.version)) continue;
      await tx.query(migration.sql);
      await tx.query('INSERT INTO crm.schema_migration (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      applied.push(migration.version);
    }
    const current = Math.max(0, ...done, ...applied);
    return { applied, current };
  });
}
