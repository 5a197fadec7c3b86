import { z } from 'zod';
import { ACTION_NAMES, objectTypeSchema, sideSchema, type ActionName, type ObjectType, type Side } from '@connector/core';
import { systemClock, type Clock } from '../clock.js';
import { SCHEMA, type Queryable, type SqlPool } from '../db/sql.js';
import { parseInput } from '../validation.js';
import { HISTORY_OUTCOMES, type HistoryEntry, type HistoryOutcome, type HistoryStore, type ItemRef, type NewHistoryEntry } from './history-store.port.js';

const entrySchema = z.strictObject({
  linkId: z.uuid().optional(),
  mailbox: z.email(),
  objectType: objectTypeSchema,
  origin: sideSchema.optional(),
  exchangeItemId: z.string().min(1).optional(),
  crmRecordId: z.string().min(1).optional(),
  rule: z.string().min(1),
  action: z.enum(ACTION_NAMES),
  outcome: z.enum(HISTORY_OUTCOMES),
  detail: z.string().optional(),
  cycleId: z.string().min(1).optional(),
});

const COLUMNS = 'id, link_id, mailbox, object_type, origin, exchange_item_id, crm_record_id, rule, action, outcome, detail, cycle_id, at';

interface HistoryRow {
  id: string;
  link_id: string | null;
  mailbox: string;
  object_type: string;
  origin: string | null;
  exchange_item_id: string | null;
  crm_record_id: string | null;
  rule: string;
  action: string;
  outcome: string;
  detail: string | null;
  cycle_id: string | null;
  at: Date;
}

function toEntry(row: HistoryRow): HistoryEntry {
  const entry: HistoryEntry = {
    id: String(row.id),
    mailbox: row.mailbox,
    objectType: row.object_type as ObjectType,
    rule: row.rule,
    action: row.action as ActionName,
    outcome: row.outcome as HistoryOutcome,
    at: row.at.toISOString(),
  };
  if (row.link_id !== null) entry.linkId = row.link_id;
  if (row.origin !== null) entry.origin = row.origin as Side;
  if (row.exchange_item_id !== null) entry.exchangeItemId = row.exchange_item_id;
  if (row.crm_record_id !== null) entry.crmRecordId = row.crm_record_id;
  if (row.detail !== null) entry.detail = row.detail;
  if (row.cycle_id !== null) entry.cycleId = row.cycle_id;
  return entry;
}

interface ResolvedRef {
  linkId: string | null;
  mailbox: string | null;
  objectType: string | null;
  exchangeItemId: string | null;
  crmRecordId: string | null;
}

/** Validates and inserts one entry; also used inside a link compare-and-set's transaction. */
export async function insertHistory(db: Queryable, input: NewHistoryEntry, at: Date): Promise<HistoryEntry> {
  const e = parseInput(entrySchema, input, 'history entry');
  const { rows } = await db.query<HistoryRow>(
    `INSERT INTO ${SCHEMA}.history (link_id, mailbox, object_type, origin, exchange_item_id, crm_record_id, rule, action, outcome, detail, cycle_id, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${COLUMNS}`,
    [e.linkId ?? null, e.mailbox, e.objectType, e.origin ?? null, e.exchangeItemId ?? null, e.crmRecordId ?? null,
      e.rule, e.action, e.outcome, e.detail ?? null, e.cycleId ?? null, at],
  );
  return toEntry(rows[0]!);
}

export class PgHistoryStore implements HistoryStore {
  private readonly pool: SqlPool;
  private readonly clock: Clock;

  constructor(options: { pool: SqlPool; clock?: Clock }) {
    this.pool = options.pool;
    this.clock = options.clock ?? systemClock;
  }

  recordHistory(input: NewHistoryEntry): Promise<HistoryEntry> {
    return insertHistory(this.pool, input, this.clock.now());
  }

  /** Completes the ref from the link table, so naming either side also finds entries keyed by the other. */
  private async resolve(ref: ItemRef): Promise<ResolvedRef> {
    const given: ResolvedRef =
      'linkId' in ref
        ? { linkId: ref.linkId, mailbox: null, objectType: null, exchangeItemId: null, crmRecordId: null }
        : { linkId: null, mailbox: ref.mailbox, objectType: ref.objectType, exchangeItemId: 'exchangeItemId' in ref ? ref.exchangeItemId : null, crmRecordId: 'crmRecordId' in ref ? ref.crmRecordId : null };
    if (given.linkId !== null && !z.uuid().safeParse(given.linkId).success) return { ...given, linkId: null };
    const { rows } = await this.pool.query<{ id: string; mailbox: string; object_type: string; exchange_item_id: string | null; crm_record_id: string | null }>(
      `SELECT id, mailbox, object_type, exchange_item_id, crm_record_id FROM ${SCHEMA}.links
       WHERE id = $1::uuid OR (mailbox = $2 AND object_type = $3 AND (exchange_item_id = $4 OR crm_record_id = $5)) LIMIT 1`,
      [given.linkId, given.mailbox, given.objectType, given.exchangeItemId, given.crmRecordId],
    );
    const link = rows[0];
    if (!link) return given;
    return {
      linkId: link.id,
      mailbox: link.mailbox,
      objectType: link.object_type,
      exchangeItemId: given.exchangeItemId ?? link.exchange_item_id,
      crmRecordId: given.crmRecordId ?? link.crm_record_id,
    };
  }

  async historyFor(ref: ItemRef, options: { limit?: number } = {}): Promise<HistoryEntry[]> {
    const r = await this.resolve(ref);
    const limit = Math.min(Math.max(options.limit ?? 200, 1), 5_000);
    const { rows } = await this.pool.query<HistoryRow>(
      `SELECT ${COLUMNS} FROM ${SCHEMA}.history
       WHERE link_id = $1::uuid OR (mailbox = $2 AND object_type = $3 AND (exchange_item_id = $4 OR crm_record_id = $5))
       ORDER BY at DESC, id DESC LIMIT $6`,
      [r.linkId, r.mailbox, r.objectType, r.exchangeItemId, r.crmRecordId, limit],
    );
    return rows.map(toEntry).reverse();
  }
}
