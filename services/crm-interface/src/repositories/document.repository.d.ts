import { Readable } from 'node:stream';
import type { Db } from '../db/database.js';
import type { Activity, DocumentRef } from '../records/activity.schema.js';
import type { EntityRepository } from './entity.repository.js';
import type { ActivityFields } from '../records/activity.schema.js';
import type { Actor } from './rights.js';
export interface NewDocument {
    activityId: string;
    role: DocumentRef['role'];
    fileName: string;
    contentType: string;
    contentId?: string | null;
}
export interface DocumentRepositoryOptions {
    /** Bytes per large-object write/read round trip: bounds memory per stream. */
    chunkSize?: number;
    /** Refuse content above this size (the whole write rolls back). */
    maxBytes?: number;
}
/**
 * Documents of activities (the original .eml, attachments). Content goes to a PostgreSQL large
 * object chunk by chunk and comes back the same way, so a document is never whole in memory.
 */
export declare class DocumentRepository {
    private readonly db;
    private readonly activities;
    private readonly chunkSize;
    private readonly maxBytes;
    constructor(db: Db, activities: EntityRepository<ActivityFields, Activity>, options?: DocumentRepositoryOptions);
    create(actor: Actor, meta: NewDocument, content: AsyncIterable<Buffer | Uint8Array | string>): Promise<DocumentRef>;
    /** For the admin API: no rights, the activity only has to exist. */
    createUnchecked(meta: NewDocument, content: AsyncIterable<Buffer | Uint8Array | string>): Promise<DocumentRef>;
    private write;
    /** The document's metadata and a stream of its content, if the actor (null: admin) may read its activity. */
    open(actor: Actor | null, documentId: string): Promise<{
        document: DocumentRef;
        content: Readable;
    } | null>;
    private chunks;
    delete(actor: Actor, documentId: string): Promise<void>;
}
