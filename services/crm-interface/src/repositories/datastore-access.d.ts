import type { Db } from '../db/database.js';
import type { RecordMeta } from '../records/common.schema.js';
import { type ChangePage, type ChangesQuery } from './changes.repository.js';
import type { DatastoreDefinition } from './datastores.js';
import type { EntityRepository, ListOptions, WriteResult } from './entity.repository.js';
import type { Actor } from './rights.js';
import type { SyncTarget } from './sync-state.repository.js';
/** One datastore as the SyncML session engine sees it: records of one type, filtered, with rights. */
export interface DatastoreAccess<R extends RecordMeta = RecordMeta> {
    readonly definition: DatastoreDefinition;
    get(actor: Actor, id: string): Promise<R | null>;
    getMany(actor: Actor, ids: readonly string[]): Promise<R[]>;
    list(actor: Actor, options?: Omit<ListOptions, 'filter'>): Promise<R[]>;
    create(actor: Actor, input: unknown): Promise<WriteResult<R>>;
    update(actor: Actor, id: string, input: unknown): Promise<WriteResult<R>>;
    delete(actor: Actor, id: string): Promise<void>;
    changesSince(actor: Actor, target: SyncTarget, query: ChangesQuery): Promise<ChangePage<R>>;
}
export declare function datastoreAccess<R extends RecordMeta>(db: Db, repository: EntityRepository<any, R>, definition: DatastoreDefinition): DatastoreAccess<R>;
