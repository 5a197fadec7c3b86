import type { z } from 'zod';
import { randomUUID } from 'node:crypto';
import { insertRows, type Db, type Tx } from '../db/database.js';
import type { RecordMeta } from '../records/common.schema.js';
import { stableJson, toDb, type Column } from './columns.js';
import { ForbiddenError, InvalidRecordError, NotFoundError, translateDbError } from './crm.error.js';
import { Params, assertAssignable, rightsSql, type Actor, type RightsShape } from './rights.js';

export type ObjectType = 'person' | 'company' | 'activity' | 'task' | 'absence';
export type Row = Record<string, unknown>;

export interface EntityDefinition<F extends { responsibleUserId: string | null }, R extends F & RecordMeta> {
  objectType: ObjectType;
  table: string;
  rights: RightsShape;
  columns: readonly Column<F>[];
  fieldsSchema: z.ZodObject;
  defaults: Partial<F>;
  /** Rows of the table that are not records of their own (series exceptions), over alias `a`. */
  rowFilter?: string;
  /** Turns rows into records: child tables, reader-specific fields (`actor` null for admin reads). */
  hydrate(tx: Tx, rows: Row[], actor: Actor | null): Promise<R[]>;
  writeChildren?(tx: Tx, id: string, fields: F, patch: Partial<F>): Promise<void>;
  /** Children of many new rows at once (bulk seeding); falls back to `writeChildren` per row. */
  writeChildrenBulk?(tx: Tx, rows: { id: string; fields: F }[]): Promise<void>;
  /** ON CONFLICT clause of the insert and how to find the row it collided with (e-mail dedup). */
  insertConflict?: { suffix: string; findExisting(tx: Tx, fields: F): Promise<string | null> };
}

export interface WriteResult<R> {
  record: R;
  /** False when a create found an existing record (dedup) or an update changed nothing. */
  changed: boolean;
}

export interface AdminListOptions {
  /** Column → value equality filters; column names come from the route's fixed list, never from input. */
  where?: Record<string, unknown>;
  afterId?: string;
  limit?: number;
}

export interface ListOptions {
  afterId?: string;
  limit?: number;
  /** Trusted SQL over alias `a` (a datastore's filter), never user input. */
  filter?: string;
}

const RECORD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isRecordId = (value: string) => RECORD_ID.test(value);

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Every datetime is stored and compared in one spelling, UTC with milliseconds. */
export function normaliseDeep<T>(value: T): T {
  if (typeof value === 'string') return (ISO_DATE_TIME.test(value) ? new Date(value).toISOString() : value) as T;
  if (Array.isArray(value)) return value.map(normaliseDeep) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normaliseDeep(v)])) as T;
  return value;
}

export function parseRecord<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new InvalidRecordError(`invalid ${what}: ${issues.join('; ')}`, result.error.issues);
  }
  return normaliseDeep(result.data);
}

/** Reads and writes of one record type, with the rights model applied to every call. */
export class EntityRepository<F extends { responsibleUserId: string | null }, R extends F & RecordMeta> {
  private readonly fieldKeys: string[];

  constructor(
    protected readonly db: Db,
    readonly def: EntityDefinition<F, R>,
  ) {
    this.fieldKeys = Object.keys(def.fieldsSchema.shape);
  }

  private baseWhere(extra?: string): string {
    return [this.def.rowFilter, extra].filter(Boolean).map((c) => ` AND ${c}`).join('');
  }

  /** The readable records among `ids`, in the order of `ids` (strings that are no record id match nothing). */
  async getMany(actor: Actor, requested: readonly string[], filter?: string): Promise<R[]> {
    const ids = requested.filter(isRecordId);
    if (ids.length === 0) return [];
    const params = new Params();
    const idsParam = params.add(ids);
    const { rows } = await this.db.query(
      `SELECT a.* FROM ${this.def.table} a WHERE a.id = ANY(${idsParam}::uuid[])${this.baseWhere(filter)}
         AND ${rightsSql(this.def.rights, 'a', params, actor, 'read')}`,
      params.values,
    );
    const records = await this.def.hydrate(this.db, rows, actor);
    const byId = new Map(records.map((record) => [record.id, record]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async get(actor: Actor, id: string, filter?: string): Promise<R | null> {
    return (await this.getMany(actor, [id], filter))[0] ?? null;
  }

  /** Readable records in id order, for slow syncs and exports (keyset paging). */
  async list(actor: Actor, options: ListOptions = {}): Promise<R[]> {
    const params = new Params();
    const after = options.afterId ? ` AND a.id > ${params.add(options.afterId)}::uuid` : '';
    const limit = params.add(Math.min(options.limit ?? 500, 5_000));
    const { rows } = await this.db.query(
      `SELECT a.* FROM ${this.def.table} a WHERE ${rightsSql(this.def.rights, 'a', params, actor, 'read')}${after}${this.baseWhere(options.filter)}
        ORDER BY a.id LIMIT ${limit}`,
      params.values,
    );
    return this.def.hydrate(this.db, rows, actor);
  }

  /** Admin/back-office read: no rights applied. */
  async loadUnchecked(tx: Tx, ids: readonly string[], actor: Actor | null): Promise<R[]> {
    if (ids.length === 0) return [];
    const { rows } = await tx.query(`SELECT a.* FROM ${this.def.table} a WHERE a.id = ANY($1::uuid[])`, [ids]);
    return this.def.hydrate(tx, rows, actor);
  }

  async create(actor: Actor, input: unknown): Promise<WriteResult<R>> {
    const patch = parseRecord(this.def.fieldsSchema.partial(), input, this.def.objectType) as Partial<F>;
    const fields = parseRecord(
      this.def.fieldsSchema,
      { ...this.def.defaults, responsibleUserId: actor.userId, ...patch },
      this.def.objectType,
    ) as unknown as F;
    return this.write(async (tx) => {
      await assertAssignable(tx, actor, fields.responsibleUserId);
      const { id, created } = await this.insert(tx, fields);
      const [record] = await this.loadUnchecked(tx, [id], actor);
      return { record: record!, changed: created };
    });
  }

  /** Inserts one row and its children without rights checks; the admin API's bulk seeding uses it too. */
  async insert(tx: Tx, fields: F): Promise<{ id: string; created: boolean }> {
    const params = new Params();
    const placeholders = this.def.columns.map((c) => params.add(toDb(c, fields)));
    const suffix = this.def.insertConflict?.suffix ?? '';
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO ${this.def.table} (${this.def.columns.map((c) => c.column).join(', ')})
       VALUES (${placeholders.join(', ')}) ${suffix} RETURNING id`,
      params.values,
    );
    if (rows[0]) {
      await this.def.writeChildren?.(tx, rows[0].id, fields, fields);
      return { id: rows[0].id, created: true };
    }
    const existing = await this.def.insertConflict?.findExisting(tx, fields);
    if (!existing) throw new Error(`insert into ${this.def.table} returned no row`);
    return { id: existing, created: false };
  }

  /**
   * Bulk insert for the admin API: validated records, multi-row INSERTs (ids chosen here, so children
   * follow without relying on RETURNING order), no rights. Rows colliding with the insert conflict
   * clause (a mail filed before) are skipped and reported as not created.
   */
  async insertMany(tx: Tx, inputs: readonly (Partial<F> & { id?: string })[]): Promise<{ id: string; created: boolean }[]> {
    const items = inputs.map((input) => {
      const { id, ...patch } = input;
      const fields = parseRecord(this.def.fieldsSchema, { ...this.def.defaults, ...patch }, this.def.objectType) as unknown as F;
      return { id: id ?? randomUUID(), fields };
    });
    const columns = ['id', ...this.def.columns.map((c) => c.column)];
    const rows = items.map(({ id, fields }) => [id, ...this.def.columns.map((c) => toDb(c, fields))]);
    const inserted = await insertRows(tx, this.def.table, columns, rows, `${this.def.insertConflict?.suffix ?? ''} RETURNING id`);
    const created = new Set(inserted.map((row) => row.id as string));
    const fresh = items.filter((item) => created.has(item.id));
    if (this.def.writeChildrenBulk) await this.def.writeChildrenBulk(tx, fresh);
    else for (const item of fresh) await this.def.writeChildren?.(tx, item.id, item.fields, item.fields);
    return items.map((item) => ({ id: item.id, created: created.has(item.id) }));
  }

  /** Admin read without rights, filtered by column equality, in id order. */
  async adminList(options: AdminListOptions = {}): Promise<R[]> {
    const params = new Params();
    const conditions = Object.entries(options.where ?? {})
      .filter(([, value]) => value !== undefined)
      .map(([column, value]) => `a.${column} = ${params.add(value)}`);
    if (options.afterId) conditions.push(`a.id > ${params.add(options.afterId)}::uuid`);
    if (this.def.rowFilter) conditions.push(this.def.rowFilter);
    const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
    const { rows } = await this.db.query(
      `SELECT a.* FROM ${this.def.table} a ${where} ORDER BY a.id LIMIT ${params.add(Math.min(options.limit ?? 100, 5_000))}`,
      params.values,
    );
    return this.def.hydrate(this.db, rows, null);
  }

  /** Changes the fields present in `input`; fields left out keep their value (standard clients know only some). */
  async update(actor: Actor, id: string, input: unknown): Promise<WriteResult<R>> {
    const patch = parseRecord(this.def.fieldsSchema.partial(), input, this.def.objectType) as Partial<F>;
    return this.write(async (tx) => {
      const existing = await this.lockWritable(tx, actor, id);
      const before = this.pickFields(existing);
      const fields = parseRecord(this.def.fieldsSchema, { ...before, ...patch }, this.def.objectType) as unknown as F;
      if (stableJson(before) === stableJson(fields)) return { record: existing, changed: false };
      if (fields.responsibleUserId !== before.responsibleUserId) await assertAssignable(tx, actor, fields.responsibleUserId);
      const params = new Params();
      const sets = this.def.columns.map((c) => `${c.column} = ${params.add(toDb(c, fields))}`);
      await tx.query(`UPDATE ${this.def.table} SET ${sets.join(', ')} WHERE id = ${params.add(id)}`, params.values);
      await this.def.writeChildren?.(tx, id, fields, patch);
      const [record] = await this.loadUnchecked(tx, [id], actor);
      return { record: record!, changed: true };
    });
  }

  /** A write transaction whose data-caused database errors become CrmErrors. */
  private async write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(fn);
    } catch (error) {
      throw translateDbError(error);
    }
  }

  async delete(actor: Actor, id: string): Promise<void> {
    await this.write(async (tx) => {
      await this.lockWritable(tx, actor, id);
      await tx.query(`DELETE FROM ${this.def.table} WHERE id = $1`, [id]);
    });
  }

  /** Locks the row for the rest of the transaction; NotFound if absent, Forbidden if not writable. */
  async lockWritable(tx: Tx, actor: Actor, id: string): Promise<R> {
    if (!isRecordId(id)) throw new NotFoundError(`${this.def.objectType} ${id} does not exist`);
    const params = new Params();
    const writable = rightsSql(this.def.rights, 'a', params, actor, 'write');
    const { rows } = await tx.query(
      `SELECT a.*, ${writable} AS _writable FROM ${this.def.table} a WHERE a.id = ${params.add(id)}::uuid${this.baseWhere()} FOR UPDATE OF a`,
      params.values,
    );
    const row = rows[0];
    if (!row) throw new NotFoundError(`${this.def.objectType} ${id} does not exist`);
    if (row._writable !== true) throw new ForbiddenError(`${actor.login} may not change ${this.def.objectType} ${id}`);
    const [record] = await this.def.hydrate(tx, [row], actor);
    return record!;
  }

  pickFields(record: R): F {
    return Object.fromEntries(this.fieldKeys.map((key) => [key, (record as Record<string, unknown>)[key]])) as F;
  }
}
