import type { NonceStore } from './nonce-store.port.js';

/** The part of `pg.Pool` / `pg.Client` this store needs, so the library does not depend on pg at runtime. */
export interface SqlQueryable {
  query(text: string, values?: unknown[]): Promise<{ rowCount: number | null }>;
}

export interface PgNonceStoreOptions {
  db: SqlQueryable;
  /** Optionally schema-qualified, e.g. `crm.token_nonce`. */
  table?: string;
}

const TABLE_NAME = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

/** DDL of the nonce table; CRM.interface's migrations run it, `ensureTable` runs it for stand-alone use. */
export function nonceTableSql(table: string): string {
  if (!TABLE_NAME.test(table)) throw new Error(`invalid table name ${table}`);
  const index = `${table.replace(/^.*\./, '')}_expires_idx`;
  return `CREATE TABLE IF NOT EXISTS ${table} (nonce text PRIMARY KEY, expires_at timestamptz NOT NULL);
CREATE INDEX IF NOT EXISTS ${index} ON ${table} (expires_at);`;
}

/** Shared by every CRM.interface instance on the same database: a nonce is accepted once, cluster-wide. */
export class PgNonceStore implements NonceStore {
  private readonly db: SqlQueryable;
  readonly table: string;

  constructor(options: PgNonceStoreOptions) {
    this.db = options.db;
    this.table = options.table ?? 'crm_token_nonce';
    if (!TABLE_NAME.test(this.table)) throw new Error(`invalid table name ${this.table}`);
  }

  /** Safe when several instances start together: the DDL runs under a transaction-scoped advisory lock. */
  async ensureTable(): Promise<void> {
    await this.db.query(
      `DO $$ BEGIN PERFORM pg_advisory_xact_lock(hashtext('crm-token-nonce-ddl')); ${nonceTableSql(this.table)} END $$`,
    );
  }

  async claim(nonce: string, expiresAtMs: number, nowMs: number): Promise<boolean> {
    // A row whose expiry has passed may be taken over: purging is housekeeping, not correctness.
    const result = await this.db.query(
      `INSERT INTO ${this.table} AS t (nonce, expires_at) VALUES ($1, to_timestamp($2::float8 / 1000))
       ON CONFLICT (nonce) DO UPDATE SET expires_at = EXCLUDED.expires_at
       WHERE t.expires_at <= to_timestamp($3::float8 / 1000)`,
      [nonce, expiresAtMs, nowMs],
    );
    return result.rowCount === 1;
  }

  async purge(nowMs: number): Promise<number> {
    const result = await this.db.query(`DELETE FROM ${this.table} WHERE expires_at <= to_timestamp($1::float8 / 1000)`, [nowMs]);
    return result.rowCount ?? 0;
  }

  /** Purges on a timer that never keeps the process alive; returns the stop function. */
  startPurging(intervalMs: number, now: () => number = Date.now, onError?: (error: unknown) => void): () => void {
    const timer = setInterval(() => {
      this.purge(now()).catch((error: unknown) => onError?.(error));
    }, intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}
