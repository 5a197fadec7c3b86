import pg from 'pg';
import { systemClock, type Clock } from '../clock.js';
import { PgConflictStore } from '../conflicts/pg-conflict-store.adapter.js';
import { PgHistoryStore } from '../history/pg-history-store.adapter.js';
import { PgLinkStore } from '../links/pg-link-store.adapter.js';
import { PgMailboxStatusStore, type PgMailboxStatusStoreOptions } from '../mailbox-status/pg-mailbox-status-store.adapter.js';
import { migrate } from '../migrations/migrate.js';
import { PgQuarantineStore } from '../quarantine/pg-quarantine-store.adapter.js';

export interface OpenPgStateOptions extends Pick<PgMailboxStatusStoreOptions, 'suspendAfterFailures' | 'suspendedRetryMs' | 'errorRetentionMs'> {
  /** config database.url */
  url: string;
  clock?: Clock;
  poolSize?: number;
  /** Run the migrations first (default true; safe when several services start at once). */
  migrate?: boolean;
  /**
   * An idle pooled connection broke (database restart, network). The pool replaces it by itself;
   * without a listener pg would crash the process. Pass the service logger.
   */
  onPoolError?: (error: Error) => void;
}

export interface PgState {
  pool: pg.Pool;
  links: PgLinkStore;
  history: PgHistoryStore;
  conflicts: PgConflictStore;
  quarantine: PgQuarantineStore;
  mailboxes: PgMailboxStatusStore;
  close(): Promise<void>;
}

/** What a service's main wires: one pool, migrated, and every PostgreSQL store on it. */
export async function openPgState(options: OpenPgStateOptions): Promise<PgState> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
  pool.on('error', (error) => options.onPoolError?.(error));
  const clock = options.clock ?? systemClock;
  try {
    if (options.migrate ?? true) await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    pool,
    links: new PgLinkStore({ pool, clock }),
    history: new PgHistoryStore({ pool, clock }),
    conflicts: new PgConflictStore({ pool, clock }),
    quarantine: new PgQuarantineStore({ pool, clock }),
    mailboxes: new PgMailboxStatusStore({
      pool,
      clock,
      suspendAfterFailures: options.suspendAfterFailures,
      suspendedRetryMs: options.suspendedRetryMs,
      errorRetentionMs: options.errorRetentionMs,
    }),
    close: () => pool.end(),
  };
}
