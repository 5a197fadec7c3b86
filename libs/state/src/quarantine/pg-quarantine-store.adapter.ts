import { z } from 'zod';
import { objectTypeSchema, sideSchema, type ObjectType, type Side } from '@connector/core';
import { systemClock, type Clock } from '../clock.js';
import { SCHEMA, type SqlPool } from '../db/sql.js';
import { parseInput } from '../validation.js';
import type { QuarantineEntry, QuarantineInput, QuarantineStore } from './quarantine-store.port.js';

const T = `${SCHEMA}.quarantine`;
const COLUMNS = 'id, mailbox, object_type, side, source_id, link_id, error_code, reason, attempts, first_seen, last_seen, payload, released_at';

const inputSchema = z.strictObject({
  mailbox: z.email(),
  objectType: objectTypeSchema,
  side: sideSchema,
  sourceId: z.string().min(1),
  linkId: z.uuid().optional(),
  errorCode: z.string().min(1),
  reason: z.string(),
  payload: z.unknown().refine((p) => p !== undefined, 'the payload is required'),
});

interface QuarantineRow {
  id: string;
  mailbox: string;
  object_type: string;
  side: string;
  source_id: string;
  link_id: string | null;
  error_code: string;
  reason: string;
  attempts: number;
  first_seen: Date;
  last_seen: Date;
  payload: unknown;
  released_at: Date | null;
}

function toEntry(row: QuarantineRow): QuarantineEntry {
  const entry: QuarantineEntry = {
    id: row.id,
    mailbox: row.mailbox,
    objectType: row.object_type as ObjectType,
    side: row.side as Side,
    sourceId: row.source_id,
    errorCode: row.error_code,
    reason: row.reason,
    attempts: row.attempts,
    firstSeen: row.first_seen.toISOString(),
    lastSeen: row.last_seen.toISOString(),
    payload: row.payload,
  };
  if (row.link_id !== null) entry.linkId = row.link_id;
  if (row.released_at !== null) entry.releasedAt = row.released_at.toISOString();
  return entry;
}

export class PgQuarantineStore implements QuarantineStore {
  private readonly pool: SqlPool;
  private readonly clock: Clock;

  constructor(options: { pool: SqlPool; clock?: Clock }) {
    this.pool = options.pool;
    this.clock = options.clock ?? systemClock;
  }

  async quarantine(input: QuarantineInput): Promise<QuarantineEntry> {
    const q = parseInput(inputSchema, input, 'quarantine entry');
    const { rows } = await this.pool.query<QuarantineRow>(
      `INSERT INTO ${T} AS t (mailbox, object_type, side, source_id, link_id, error_code, reason, attempts, first_seen, last_seen, payload)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $8, $9::jsonb)
       ON CONFLICT (mailbox, object_type, side, source_id) DO UPDATE SET
         attempts = t.attempts + 1, link_id = COALESCE(EXCLUDED.link_id, t.link_id), error_code = EXCLUDED.error_code,
         reason = EXCLUDED.reason, last_seen = EXCLUDED.last_seen, payload = EXCLUDED.payload, released_at = NULL
       RETURNING ${COLUMNS}`,
      [q.mailbox, q.objectType, q.side, q.sourceId, q.linkId ?? null, q.errorCode, q.reason, this.clock.now(), JSON.stringify(q.payload)],
    );
    return toEntry(rows[0]!);
  }

  async listQuarantine(mailbox?: string, options: { includeReleased?: boolean; limit?: number } = {}): Promise<QuarantineEntry[]> {
    const limit = Math.min(Math.max(options.limit ?? 200, 1), 5_000);
    const { rows } = await this.pool.query<QuarantineRow>(
      `SELECT ${COLUMNS} FROM ${T} WHERE ($1::text IS NULL OR mailbox = $1) AND ($2 OR released_at IS NULL)
       ORDER BY last_seen DESC, id LIMIT $3`,
      [mailbox ?? null, options.includeReleased ?? false, limit],
    );
    return rows.map(toEntry);
  }

  async findQuarantined(mailbox: string, objectType: ObjectType, side: Side, sourceId: string): Promise<QuarantineEntry | null> {
    const { rows } = await this.pool.query<QuarantineRow>(
      `SELECT ${COLUMNS} FROM ${T} WHERE mailbox = $1 AND object_type = $2 AND side = $3 AND source_id = $4 AND released_at IS NULL`,
      [mailbox, objectType, side, sourceId],
    );
    return rows[0] ? toEntry(rows[0]) : null;
  }

  async releaseQuarantine(id: string): Promise<QuarantineEntry | null> {
    if (!z.uuid().safeParse(id).success) return null;
    const { rows } = await this.pool.query<QuarantineRow>(
      `UPDATE ${T} SET released_at = $2 WHERE id = $1 AND released_at IS NULL RETURNING ${COLUMNS}`,
      [id, this.clock.now()],
    );
    return rows[0] ? toEntry(rows[0]) : null;
  }
}
