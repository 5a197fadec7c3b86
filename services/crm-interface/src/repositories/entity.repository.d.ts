import type { z } from 'zod';
import { type Db, type Tx } from '../db/database.js';
import type { RecordMeta } from '../records/common.schema.js';
import { type Column } from './columns.js';
import { type Actor, type RightsShape } from './rights.js';
export type ObjectType = 'person' | 'company' | 'activity' | 'task' | 'absence';
export type Row = Record<string, unknown>;
export interface EntityDefinition<F extends {
    responsibleUserId: string | null;
}, R extends F & RecordMeta> {
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
    writeChildrenBulk?(tx: Tx, rows: {
        id: string;
        fields: F;
    }[]): Promise<void>;
    /** ON CONFLICT clause of the insert and how to find the row it collided with (e-mail dedup). */
    insertConflict?: {
        suffix: string;
        findExisting(tx: Tx, fields: F): Promise<string | null>;
    };
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
/** Every datetime is stored and compared in one spelling, UTC with milliseconds. */
export declare function normaliseDeep<T>(value: T): T;
export declare function parseRecord<T>(schema: z.ZodType<T>, value: unknown, what: string): T;
/** Reads and writes of one record type, with the rights model applied to every call. */
export declare class EntityRepository<F extends {
    responsibleUserId: string | null;
}, R extends F & RecordMeta> {
    protected readonly db: Db;
    readonly def: EntityDefinition<F, R>;
    private readonly fieldKeys;
    constructor(db: Db, def: EntityDefinition<F, R>);
    private baseWhere;
    /** The readable records among `ids`, in the order of `ids`. */
    getMany(actor: Actor, ids: readonly string[], filter?: string): Promise<R[]>;
    get(actor: Actor, id: string, filter?: string): Promise<R | null>;
    /** Readable records in id order, for slow syncs and exports (keyset paging). */
    list(actor: Actor, options?: ListOptions): Promise<R[]>;
    /** Admin/back-office read: no rights applied. */
    loadUnchecked(tx: Tx, ids: readonly string[], actor: Actor | null): Promise<R[]>;
    create(actor: Actor, input: unknown): Promise<WriteResult<R>>;
    /** Inserts one row and its children without rights checks; the admin API's bulk seeding uses it too. */
    insert(tx: Tx, fields: F): Promise<{
        id: string;
        created: boolean;
    }>;
    /**
     * Bulk insert for the admin API: validated records, multi-row INSERTs (ids chosen here, so children
     * follow without relying on RETURNING order), no rights. Rows colliding with the insert conflict
     * clause (a mail filed before) are skipped and reported as not created.
     */
    insertMany(tx: Tx, inputs: readonly (Partial<F> & {
        id?: string;
    })[]): Promise<{
        id: string;
        created: boolean;
    }[]>;
    /** Admin read without rights, filtered by column equality, in id order. */
    adminList(options?: AdminListOptions): Promise<R[]>;
    /** Changes the fields present in `input`; fields left out keep their value (standard clients know only some). */
    update(actor: Actor, id: string, input: unknown): Promise<WriteResult<R>>;
    delete(actor: Actor, id: string): Promise<void>;
    /** Locks the row for the rest of the transaction; NotFound if absent, Forbidden if not writable. */
    lockWritable(tx: Tx, actor: Actor, id: string): Promise<R>;
    pickFields(record: R): F;
}
