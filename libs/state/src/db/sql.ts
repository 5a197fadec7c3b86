import type pg from 'pg';

/** Everything here lives in its own schema, so the link store can share a database. */
export const SCHEMA = 'sync';

/** What the stores need from `pg.Pool`; a pool (not one client) so concurrent callers do not queue. */
export type SqlPool = Pick<pg.Pool, 'query' | 'connect'>;

/** A pool or one connection inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'>;

/** Runs `fn` in one transaction on one pooled connection; rolls back on any error. */
export async function inTransaction<T>(pool: SqlPool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

export function iso(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}

/** PostgreSQL's unique_violation, with the index that was hit. */
export function uniqueViolation(error: unknown): string | undefined {
  const e = error as { code?: string; constraint?: string };
  return e?.code === '23505' ? (e.constraint ?? 'unique') : undefined;
}
