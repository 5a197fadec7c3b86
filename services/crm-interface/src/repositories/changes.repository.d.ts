import type { Db } from '../db/database.js';
import type { RecordMeta } from '../records/common.schema.js';
import type { DatastoreDefinition } from './datastores.js';
import type { ObjectType } from './entity.repository.js';
import { type Actor, type RightsShape } from './rights.js';
import type { SyncTarget } from './sync-state.repository.js';
export type Change<R> = {
    type: 'upsert';
    seq: string;
    record: R; /** The device's LUID when it has the record already (Replace), else null (Add). */
    luid: string | null;
} | {
    type: 'delete';
    seq: string;
    recordId: string;
    luid: string;
    reason: 'deleted' | 'not-visible';
};
export interface ChangePage<R> {
    changes: Change<R>[];
    /** `sinceSeq` of the next page; once `more` is false, the seq the device is in sync with. */
    nextSeq: string;
    more: boolean;
    watermark: string;
}
export interface ChangesQuery {
    /** Changes after this sequence value ('0' for everything). */
    sinceSeq: string;
    /** Upper bound; pass the first page's watermark to every later page of the same session. */
    watermark?: string;
    limit?: number;
}
/** A sequence value below which every writer has finished: changes up to it can be read without gaps. */
export declare function stableChangeSeq(db: Db): Promise<string>;
/** What the scan needs from a record repository (EntityRepository fits). */
export interface ChangeSource<R> {
    def: {
        table: string;
        objectType: ObjectType;
        rights: RightsShape;
        rowFilter?: string;
    };
    getMany(actor: Actor, ids: readonly string[], filter?: string): Promise<R[]>;
}
/**
 * Changes of one datastore for one device, in sequence order: an index range scan over the table's
 * change_seq and the tombstones, so the cost follows the number of changes, not the table size.
 * A record the device holds but may no longer see (reassigned, made private) comes as a delete.
 */
export declare function changesSince<R extends RecordMeta>(db: Db, repository: ChangeSource<R>, store: DatastoreDefinition, actor: Actor, target: SyncTarget, query: ChangesQuery): Promise<ChangePage<R>>;
