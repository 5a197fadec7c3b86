import { z } from 'zod';
import { objectTypeSchema, type ObjectType } from '@connector/core';
import { systemClock, type Clock } from '../clock.js';
import { SCHEMA, inTransaction, type SqlPool } from '../db/sql.js';
import { parseInput } from '../validation.js';
import { toCycle, toError, toStatus, type CycleRow, type ErrorRow, type StatusRow } from './mailbox-status-rows.js';
import { CYCLE_COUNT_KEYS, type AccessFailure, type AccessState, type CycleInput, type MailboxStatus, type MailboxStatusStore } from './mailbox-status-store.port.js';

export interface PgMailboxStatusStoreOptions {
  pool: SqlPool;
  clock?: Clock;
  /** Consecutive access failures before suspension (config errorPolicy.suspendAfterFailures). */
  suspendAfterFailures?: number;
  /** Delay between retries of a suspended mailbox (config errorPolicy.suspendedRetrySeconds × 1000). */
  suspendedRetryMs?: number;
  /** How long error events are kept and summarised. */
  errorRetentionMs?: number;
}

const count = z.number().int().nonnegative();
const cycleSchema = z.strictObject({
  cycleId: z.string().min(1),
  startedAt: z.coerce.date(),
  finishedAt: z.coerce.date(),
  counts: z.strictObject(Object.fromEntries(CYCLE_COUNT_KEYS.map((k) => [k, count.default(0)])) as Record<(typeof CYCLE_COUNT_KEYS)[number], z.ZodDefault<typeof count>>),
});
const failureSchema = z.strictObject({ code: z.string().min(1), message: z.string(), objectType: objectTypeSchema.optional() });
const S = SCHEMA;

export class PgMailboxStatusStore implements MailboxStatusStore {
  private readonly pool: SqlPool;
  private readonly clock: Clock;
  private readonly threshold: number;
  private readonly retryMs: number;
  private readonly retentionMs: number;

  constructor(options: PgMailboxStatusStoreOptions) {
    this.pool = options.pool;
    this.clock = options.clock ?? systemClock;
    this.threshold = options.suspendAfterFailures ?? 5;
    this.retryMs = options.suspendedRetryMs ?? 3_600_000;
    this.retentionMs = options.errorRetentionMs ?? 7 * 24 * 3_600_000;
  }

  /** Every mailbox that has a cycle or an error has a status row, so listing finds it. */
  private async ensureRow(client: Pick<SqlPool, 'query'>, mailbox: string): Promise<void> {
    await client.query(`INSERT INTO ${S}.mailbox_status (mailbox, updated_at) VALUES ($1, $2) ON CONFLICT (mailbox) DO NOTHING`, [
      mailbox,
      this.clock.now(),
    ]);
  }

  async setEnabled(mailbox: string, enabled: boolean): Promise<void> {
    await this.pool.query(
      `INSERT INTO ${S}.mailbox_status (mailbox, enabled, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (mailbox) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = EXCLUDED.updated_at`,
      [mailbox, enabled, this.clock.now()],
    );
  }

  async recordCycle(mailbox: string, objectType: ObjectType, input: CycleInput): Promise<void> {
    const c = parseInput(cycleSchema, input, 'cycle');
    const type = parseInput(objectTypeSchema, objectType, 'object type');
    const n = c.counts;
    await inTransaction(this.pool, async (client) => {
      await this.ensureRow(client, mailbox);
      await client.query(
        `INSERT INTO ${S}.mailbox_cycles (mailbox, object_type, cycle_id, started_at, finished_at, created_in_crm, updated_in_crm,
           deleted_in_crm, created_in_exchange, updated_in_exchange, deleted_in_exchange, errors)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (mailbox, object_type) DO UPDATE SET cycle_id = EXCLUDED.cycle_id, started_at = EXCLUDED.started_at,
           finished_at = EXCLUDED.finished_at, created_in_crm = EXCLUDED.created_in_crm, updated_in_crm = EXCLUDED.updated_in_crm,
           deleted_in_crm = EXCLUDED.deleted_in_crm, created_in_exchange = EXCLUDED.created_in_exchange,
           updated_in_exchange = EXCLUDED.updated_in_exchange, deleted_in_exchange = EXCLUDED.deleted_in_exchange, errors = EXCLUDED.errors`,
        [mailbox, type, c.cycleId, c.startedAt, c.finishedAt, n.createdInCrm, n.updatedInCrm, n.deletedInCrm,
          n.createdInExchange, n.updatedInExchange, n.deletedInExchange, n.errors],
      );
    });
  }

  async recordError(mailbox: string, error: AccessFailure & { objectType?: ObjectType }): Promise<void> {
    const e = parseInput(failureSchema, error, 'error event');
    const now = this.clock.now();
    await inTransaction(this.pool, async (client) => {
      await this.ensureRow(client, mailbox);
      await client.query(`INSERT INTO ${S}.mailbox_errors (mailbox, object_type, code, message, at) VALUES ($1, $2, $3, $4, $5)`, [
        mailbox,
        e.objectType ?? null,
        e.code,
        e.message,
        now,
      ]);
      await client.query(`DELETE FROM ${S}.mailbox_errors WHERE mailbox = $1 AND at < $2`, [mailbox, new Date(now.getTime() - this.retentionMs)]);
    });
  }

  async recordAccessFailure(mailbox: string, failure: AccessFailure): Promise<AccessState> {
    const f = parseInput(failureSchema, failure, 'access failure');
    const now = this.clock.now();
    // One statement, so concurrent failures of one mailbox count exactly and suspend once.
    const { rows } = await this.pool.query<StatusRow>(
      `INSERT INTO ${S}.mailbox_status AS s (mailbox, consecutive_failures, suspended_since, suspended_reason, next_retry_at, updated_at)
       VALUES ($1, 1, CASE WHEN 1 >= $3 THEN $2::timestamptz END, CASE WHEN 1 >= $3 THEN $4 END, CASE WHEN 1 >= $3 THEN $5::timestamptz END, $2)
       ON CONFLICT (mailbox) DO UPDATE SET
         consecutive_failures = s.consecutive_failures + 1,
         suspended_since = CASE WHEN s.consecutive_failures + 1 >= $3 THEN COALESCE(s.suspended_since, $2) END,
         suspended_reason = CASE WHEN s.consecutive_failures + 1 >= $3 THEN $4 END,
         next_retry_at = CASE WHEN s.consecutive_failures + 1 >= $3 THEN $5::timestamptz END,
         updated_at = $2
       RETURNING *`,
      [mailbox, now, this.threshold, `${f.code}: ${f.message}`, new Date(now.getTime() + this.retryMs)],
    );
    await this.recordError(mailbox, f);
    return accessState(rows[0]!);
  }

  async recordAccessSuccess(mailbox: string): Promise<AccessState> {
    const { rows } = await this.pool.query<StatusRow>(
      `INSERT INTO ${S}.mailbox_status (mailbox, updated_at) VALUES ($1, $2)
       ON CONFLICT (mailbox) DO UPDATE SET consecutive_failures = 0, suspended_since = NULL, suspended_reason = NULL,
         next_retry_at = NULL, updated_at = EXCLUDED.updated_at
       RETURNING *`,
      [mailbox, this.clock.now()],
    );
    return accessState(rows[0]!);
  }

  async canAttempt(mailbox: string): Promise<boolean> {
    const { rows } = await this.pool.query<StatusRow>(`SELECT * FROM ${S}.mailbox_status WHERE mailbox = $1`, [mailbox]);
    const row = rows[0];
    if (!row) return true;
    if (!row.enabled) return false;
    return row.next_retry_at === null || row.next_retry_at.getTime() <= this.clock.now().getTime();
  }

  async mailboxStatus(mailbox: string): Promise<MailboxStatus | null> {
    return (await this.load(mailbox))[0] ?? null;
  }

  listMailboxStatus(): Promise<MailboxStatus[]> {
    return this.load(null);
  }

  private async load(mailbox: string | null): Promise<MailboxStatus[]> {
    const since = new Date(this.clock.now().getTime() - this.retentionMs);
    const [statuses, cycles, errors] = await Promise.all([
      this.pool.query<StatusRow>(`SELECT * FROM ${S}.mailbox_status WHERE $1::text IS NULL OR mailbox = $1 ORDER BY mailbox`, [mailbox]),
      this.pool.query<CycleRow>(`SELECT * FROM ${S}.mailbox_cycles WHERE $1::text IS NULL OR mailbox = $1 ORDER BY object_type`, [mailbox]),
      this.pool.query<ErrorRow>(
        `SELECT mailbox, code, count(*) AS count, max(at) AS last_at, (array_agg(message ORDER BY at DESC, id DESC))[1] AS last_message
         FROM ${S}.mailbox_errors WHERE ($1::text IS NULL OR mailbox = $1) AND at >= $2
         GROUP BY mailbox, code ORDER BY max(at) DESC, code`,
        [mailbox, since],
      ),
    ]);
    return statuses.rows.map((row) =>
      toStatus(
        row,
        cycles.rows.filter((c) => c.mailbox === row.mailbox).map(toCycle),
        errors.rows.filter((e) => e.mailbox === row.mailbox).map(toError),
      ),
    );
  }
}

function accessState(row: StatusRow): AccessState {
  const state: AccessState = { suspended: row.suspended_since !== null, consecutiveFailures: row.consecutive_failures };
  if (row.next_retry_at) state.nextRetryAt = row.next_retry_at.toISOString();
  return state;
}
