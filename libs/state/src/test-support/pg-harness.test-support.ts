import pg from 'pg';
import { isolatedDatabase, type IsolatedDatabase } from '@connector/testing';
import { migrate } from '../migrations/migrate.js';

export interface PgHarness {
  db: IsolatedDatabase;
  pool: pg.Pool;
  close(): Promise<void>;
}

/** A fresh, migrated database for one test file. */
export async function migratedDatabase(label: string): Promise<PgHarness> {
  const db = await isolatedDatabase(label);
  const pool = new pg.Pool({ connectionString: db.url, max: 12 });
  await migrate(pool);
  return {
    db,
    pool,
    async close() {
      await pool.end();
      await db.drop();
    },
  };
}
