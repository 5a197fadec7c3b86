import { randomUUID } from 'node:crypto';
import type { ObjectType } from '@connector/core';
import { systemClock, type Clock } from '../clock.js';
import { insertConflict } from '../conflicts/pg-conflict-store.adapter.js';
import { SCHEMA, inTransaction, uniqueViolation, type Queryable, type SqlPool } from '../db/sql.js';
import { insertHistory } from '../history/pg-history-store.adapter.js';
import { DuplicateLinkError, LinkNotFoundError, StaleLinkError } from '../state.error.js';
import { parseInput } from '../validation.js';
import { linkIdSchema, linkPatchSchema, newLinkSchema, versionSchema } from './link-input.schema.js';
import { LINK_COLUMNS, toLink, type LinkRow } from './link-row.js';
import type { CreateLinkResult, DecisionRecord, LinkPage, LinkPatch, LinkStore, NewLink, StoredLink } from './link-store.port.js';

const T = `${SCHEMA}.links`;
const DEFAULT_PAGE = 500;
const MAX_PAGE = 5_000;

export interface PgLinkStoreOptions {
  pool: SqlPool;
  clock?: Clock;
}

/** Patch keys to column assignments; column names come from this table only, values are parameters. */
function assignments(patch: LinkPatch): Array<[column: string, value: unknown]> {
  const set: Array<[string, unknown]> = [];
  if (patch.exchange !== undefined)
    set.push(
      ['exchange_item_id', patch.exchange?.itemId ?? null],
      ['exchange_change_key', patch.exchange?.changeKey ?? null],
      ['exchange_folder_id', patch.exchange?.folderId ?? null],
    );
  if (patch.crm !== undefined)
    set.push(['crm_record_id', patch.crm?.recordId ?? null], ['crm_version', patch.crm?.version ?? null], ['crm_luid', patch.crm?.luid ?? null]);
  if (patch.base !== undefined) set.push(['base', patch.base === null ? null : JSON.stringify(patch.base)]);
  if (patch.state !== undefined) set.push(['state', patch.state]);
  return set;
}

export class PgLinkStore implements LinkStore {
  private readonly pool: SqlPool;
  private readonly clock: Clock;

  constructor(options: PgLinkStoreOptions) {
    this.pool = options.pool;
    this.clock = options.clock ?? systemClock;
  }

  private async one(where: string, values: unknown[]): Promise<StoredLink | null> {
    const { rows } = await this.pool.query<LinkRow>(`SELECT ${LINK_COLUMNS} FROM ${T} WHERE ${where} LIMIT 1`, values);
    return rows[0] ? toLink(rows[0]) : null;
  }

  async getLink(id: string): Promise<StoredLink | null> {
    // Not a UUID cannot be a link id; PostgreSQL would reject the cast instead of finding nothing.
    if (!linkIdSchema.safeParse(id).success) return null;
    return this.one('id = $1', [id]);
  }

  findByExchangeId(mailbox: string, objectType: ObjectType, itemId: string): Promise<StoredLink | null> {
    return this.one('mailbox = $1 AND object_type = $2 AND exchange_item_id = $3', [mailbox, objectType, itemId]);
  }

  findByCrmId(mailbox: string, objectType: ObjectType, recordId: string): Promise<StoredLink | null> {
    return this.one('mailbox = $1 AND object_type = $2 AND crm_record_id = $3', [mailbox, objectType, recordId]);
  }

  async createOrGetLink(input: NewLink): Promise<CreateLinkResult> {
    const link = parseInput(newLinkSchema, input, 'new link');
    const id = link.id ?? randomUUID();
    const now = this.clock.now();
    const values = [
      id,
      link.mailbox,
      link.objectType,
      link.exchange?.itemId ?? null,
      link.exchange?.changeKey ?? null,
      link.exchange?.folderId ?? null,
      link.crm?.recordId ?? null,
      link.crm?.version ?? null,
      link.crm?.luid ?? null,
      link.base === undefined ? null : JSON.stringify(link.base),
      link.state,
      now,
    ];
    // DO NOTHING without a target covers the primary key and both partial unique indexes; a racing
    // insert of the same item waits for the other transaction, then finds its committed row.
    const { rows } = await this.pool.query<LinkRow>(
      `INSERT INTO ${T} (id, mailbox, object_type, exchange_item_id, exchange_change_key, exchange_folder_id,
         crm_record_id, crm_version, crm_luid, base, state, version, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 0, $12, $12)
       ON CONFLICT DO NOTHING RETURNING ${LINK_COLUMNS}`,
      values,
    );
    if (rows[0]) return { link: toLink(rows[0]), created: true };
    const existing = await this.one(
      `id = $1 OR (mailbox = $2 AND object_type = $3 AND (exchange_item_id = $4 OR crm_record_id = $5))
       ORDER BY (id = $1) DESC, (exchange_item_id IS NOT DISTINCT FROM $4) DESC`,
      [id, link.mailbox, link.objectType, link.exchange?.itemId ?? null, link.crm?.recordId ?? null],
    );
    if (!existing) throw new DuplicateLinkError(`link ${id} conflicted but no existing link was found`);
    return { link: existing, created: false };
  }

  async compareAndSet(id: string, expectedVersion: number, patch: LinkPatch, record?: DecisionRecord): Promise<StoredLink> {
    if (!linkIdSchema.safeParse(id).success) throw new LinkNotFoundError(id);
    const expected = parseInput(versionSchema, expectedVersion, 'expected version');
    const set = assignments(parseInput(linkPatchSchema, patch, 'link patch'));
    const now = this.clock.now();
    const hasRecord = (record?.history?.length ?? 0) + (record?.conflicts?.length ?? 0) > 0;
    const row = hasRecord
      ? await inTransaction(this.pool, (client) => this.update(client, id, expected, set, now, record))
      : await this.update(this.pool, id, expected, set, now);
    if (row) return toLink(row);
    const current = await this.getLink(id);
    if (!current) throw new LinkNotFoundError(id);
    throw new StaleLinkError(id, expected, current.version);
  }

  private async update(
    db: Queryable,
    id: string,
    expected: number,
    set: Array<[string, unknown]>,
    now: Date,
    record?: DecisionRecord,
  ): Promise<LinkRow | undefined> {
    const columns = set.map(([column], i) => `, ${column} = $${i + 4}`).join('');
    let row: LinkRow | undefined;
    try {
      const { rows } = await db.query<LinkRow>(
        `UPDATE ${T} SET version = version + 1, updated_at = $3${columns}
         WHERE id = $1 AND version = $2 RETURNING ${LINK_COLUMNS}`,
        [id, expected, now, ...set.map(([, value]) => value)],
      );
      row = rows[0];
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint) throw new DuplicateLinkError(`link ${id} cannot take an item another link holds (${constraint})`, constraint);
      throw error;
    }
    if (!row || !record) return row;
    const owner = { linkId: row.id, mailbox: row.mailbox, objectType: row.object_type as ObjectType };
    for (const entry of record.history ?? [])
      await insertHistory(db, { exchangeItemId: row.exchange_item_id ?? undefined, crmRecordId: row.crm_record_id ?? undefined, ...entry, ...owner }, now);
    for (const conflict of record.conflicts ?? []) await insertConflict(db, { ...conflict, linkId: row.id }, now);
    return row;
  }

  markDeleted(id: string, expectedVersion: number): Promise<StoredLink> {
    return this.compareAndSet(id, expectedVersion, { state: 'deleted' });
  }

  async listLinks(mailbox: string, objectType: ObjectType, page: { after?: string; limit?: number } = {}): Promise<LinkPage> {
    const after = page.after === undefined ? null : parseInput(linkIdSchema, page.after, 'page cursor');
    const limit = Math.min(Math.max(page.limit ?? DEFAULT_PAGE, 1), MAX_PAGE);
    const { rows } = await this.pool.query<LinkRow>(
      `SELECT ${LINK_COLUMNS} FROM ${T}
       WHERE mailbox = $1 AND object_type = $2 AND ($3::uuid IS NULL OR id > $3::uuid)
       ORDER BY id LIMIT $4`,
      [mailbox, objectType, after, limit + 1],
    );
    const links = rows.slice(0, limit).map(toLink);
    const last = links[links.length - 1];
    return rows.length > limit && last ? { links, next: last.id } : { links };
  }
}
