import { z } from 'zod';
import { sideSchema, type ObjectType, type Side } from '@connector/core';
import { systemClock, type Clock } from '../clock.js';
import { SCHEMA, type Queryable, type SqlPool } from '../db/sql.js';
import { LinkNotFoundError } from '../state.error.js';
import { parseInput } from '../validation.js';
import type { Conflict, ConflictStore, NewConflict } from './conflict-store.port.js';

const conflictSchema = z.strictObject({
  linkId: z.uuid(),
  field: z.string().min(1),
  baseValue: z.unknown().optional(),
  exchangeValue: z.unknown().optional(),
  crmValue: z.unknown().optional(),
  policy: z.string().min(1),
  winner: sideSchema,
  cycleId: z.string().min(1).optional(),
});

interface ConflictRow {
  id: string;
  link_id: string;
  mailbox: string;
  object_type: string;
  field: string;
  base_value: unknown;
  exchange_value: unknown;
  crm_value: unknown;
  policy: string;
  winner: string;
  cycle_id: string | null;
  decided_at: Date;
  resolved: boolean;
  resolved_at: Date | null;
}

const SELECT = `SELECT c.id, c.link_id, l.mailbox, l.object_type, c.field, c.base_value, c.exchange_value, c.crm_value,
  c.policy, c.winner, c.cycle_id, c.decided_at, c.resolved, c.resolved_at
  FROM ${SCHEMA}.conflicts c JOIN ${SCHEMA}.links l ON l.id = c.link_id`;

function toConflict(row: ConflictRow): Conflict {
  const conflict: Conflict = {
    id: row.id,
    linkId: row.link_id,
    mailbox: row.mailbox,
    objectType: row.object_type as ObjectType,
    field: row.field,
    policy: row.policy,
    winner: row.winner as Side,
    decidedAt: row.decided_at.toISOString(),
    resolved: row.resolved,
  };
  // SQL NULL and JSON null both mean "no value" on that side (e.g. a field one side cleared).
  if (row.base_value !== null) conflict.baseValue = row.base_value;
  if (row.exchange_value !== null) conflict.exchangeValue = row.exchange_value;
  if (row.crm_value !== null) conflict.crmValue = row.crm_value;
  if (row.cycle_id !== null) conflict.cycleId = row.cycle_id;
  if (row.resolved_at !== null) conflict.resolvedAt = row.resolved_at.toISOString();
  return conflict;
}

function json(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

/** Validates and inserts one conflict, returning its id; also used inside a link compare-and-set's transaction. */
export async function insertConflict(db: Queryable, input: NewConflict, at: Date): Promise<string> {
  const c = parseInput(conflictSchema, input, 'conflict');
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO ${SCHEMA}.conflicts (link_id, field, base_value, exchange_value, crm_value, policy, winner, cycle_id, decided_at)
     SELECT id, $2, $3::jsonb, $4::jsonb, $5::jsonb, $6, $7, $8, $9 FROM ${SCHEMA}.links WHERE id = $1 RETURNING id`,
    [c.linkId, c.field, json(c.baseValue), json(c.exchangeValue), json(c.crmValue), c.policy, c.winner, c.cycleId ?? null, at],
  );
  if (!rows[0]) throw new LinkNotFoundError(c.linkId);
  return rows[0].id;
}

export class PgConflictStore implements ConflictStore {
  private readonly pool: SqlPool;
  private readonly clock: Clock;

  constructor(options: { pool: SqlPool; clock?: Clock }) {
    this.pool = options.pool;
    this.clock = options.clock ?? systemClock;
  }

  async recordConflict(input: NewConflict): Promise<Conflict> {
    const id = await insertConflict(this.pool, input, this.clock.now());
    const stored = await this.pool.query<ConflictRow>(`${SELECT} WHERE c.id = $1`, [id]);
    return toConflict(stored.rows[0]!);
  }

  async listConflicts(mailbox: string, options: { includeResolved?: boolean; limit?: number } = {}): Promise<Conflict[]> {
    const limit = Math.min(Math.max(options.limit ?? 200, 1), 5_000);
    const { rows } = await this.pool.query<ConflictRow>(
      `${SELECT} WHERE l.mailbox = $1 AND ($2 OR NOT c.resolved) ORDER BY c.decided_at DESC, c.id LIMIT $3`,
      [mailbox, options.includeResolved ?? false, limit],
    );
    return rows.map(toConflict);
  }

  async resolveConflict(id: string): Promise<boolean> {
    if (!z.uuid().safeParse(id).success) return false;
    const { rowCount } = await this.pool.query(
      `UPDATE ${SCHEMA}.conflicts SET resolved = true, resolved_at = $2 WHERE id = $1 AND NOT resolved`,
      [id, this.clock.now()],
    );
    return rowCount === 1;
  }
}
