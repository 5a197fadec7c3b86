import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Db, Tx } from '../db/database.js';
import type { Activity, DocumentRef } from '../records/activity.schema.js';
import type { EntityRepository } from './entity.repository.js';
import type { ActivityFields } from '../records/activity.schema.js';
import { InvalidRecordError, NotFoundError } from './crm.error.js';
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

const DEFAULT_CHUNK = 256 * 1024;

/**
 * Documents of activities (the original .eml, attachments). Content goes to a PostgreSQL large
 * object chunk by chunk and comes back the same way, so a document is never whole in memory.
 */
export class DocumentRepository {
  private readonly chunkSize: number;
  private readonly maxBytes: number;

  constructor(
    private readonly db: Db,
    private readonly activities: EntityRepository<ActivityFields, Activity>,
    options: DocumentRepositoryOptions = {},
  ) {
    this.chunkSize = options.chunkSize ?? DEFAULT_CHUNK;
    this.maxBytes = options.maxBytes ?? Number.MAX_SAFE_INTEGER;
  }

  async create(actor: Actor, meta: NewDocument, content: AsyncIterable<Buffer | Uint8Array | string>): Promise<DocumentRef> {
    // Fail fast before reading any content; the lock in `write` re-checks inside the transaction.
    await this.db.transaction((tx) => this.activities.lockWritable(tx, actor, meta.activityId));
    return this.write(meta, content, async (tx) => {
      await this.activities.lockWritable(tx, actor, meta.activityId);
    });
  }

  /** For the admin API: no rights, the activity only has to exist. */
  async createUnchecked(meta: NewDocument, content: AsyncIterable<Buffer | Uint8Array | string>): Promise<DocumentRef> {
    return this.write(meta, content, async (tx) => {
      const { rowCount } = await tx.query('SELECT 1 FROM crm.activity WHERE id = $1 FOR UPDATE', [meta.activityId]);
      if (!rowCount) throw new NotFoundError(`activity ${meta.activityId} does not exist`);
    });
  }

  private async write(meta: NewDocument, content: AsyncIterable<Buffer | Uint8Array | string>, lock: (tx: Tx) => Promise<void>): Promise<DocumentRef> {
    if (!meta.fileName || !meta.contentType) throw new InvalidRecordError('a document needs a file name and a content type');
    if (!['original-mime', 'attachment', 'other'].includes(meta.role)) throw new InvalidRecordError(`unknown document role ${meta.role}`);
    return this.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ oid: number }>('SELECT lo_create(0) AS oid');
      const oid = rows[0]!.oid;
      const hash = createHash('sha256');
      let size = 0;
      let pending: Buffer[] = [];
      let pendingBytes = 0;
      const flush = async () => {
        if (pendingBytes === 0) return;
        const chunk = Buffer.concat(pending, pendingBytes);
        pending = [];
        pendingBytes = 0;
        await tx.query('SELECT lo_put($1, $2, $3)', [oid, size - chunk.length, chunk]);
      };
      for await (const piece of content) {
        const buffer = typeof piece === 'string' ? Buffer.from(piece) : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
        size += buffer.length;
        if (size > this.maxBytes) throw new InvalidRecordError(`document exceeds ${this.maxBytes} bytes`);
        hash.update(buffer);
        pending.push(buffer);
        pendingBytes += buffer.length;
        if (pendingBytes >= this.chunkSize) await flush();
      }
      await flush();
      await lock(tx);
      const sha256 = hash.digest('hex');
      const inserted = await tx.query<{ id: string }>(
        `INSERT INTO crm.document (activity_id, role, file_name, content_type, content_id, size, sha256, content_oid)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
        [meta.activityId, meta.role, meta.fileName, meta.contentType, meta.contentId ?? null, size, sha256, oid],
      );
      // The activity's record lists its documents: a new document is a change of the activity.
      await tx.query('UPDATE crm.activity SET updated_at = now() WHERE id = $1', [meta.activityId]);
      const id = inserted.rows[0]!.id;
      return { id, role: meta.role, fileName: meta.fileName, contentType: meta.contentType, contentId: meta.contentId ?? null, size, sha256 };
    });
  }

  /** The document's metadata and a stream of its content, if the actor (null: admin) may read its activity. */
  async open(actor: Actor | null, documentId: string): Promise<{ document: DocumentRef; content: Readable } | null> {
    const { rows } = await this.db.query<{ activity_id: string; content_oid: number; size: string }>(
      'SELECT activity_id, content_oid, size FROM crm.document WHERE id = $1',
      [documentId],
    );
    const row = rows[0];
    if (!row) return null;
    const [activity] = actor ? await this.activities.getMany(actor, [row.activity_id]) : await this.activities.loadUnchecked(this.db, [row.activity_id], null);
    const document = activity?.documents.find((d) => d.id === documentId);
    if (!document) return null;
    return { document, content: Readable.from(this.chunks(row.content_oid, Number(row.size)), { objectMode: false }) };
  }

  private async *chunks(oid: number, size: number): AsyncGenerator<Buffer> {
    for (let offset = 0; offset < size; offset += this.chunkSize) {
      const { rows } = await this.db.query<{ data: Buffer }>('SELECT lo_get($1, $2, $3) AS data', [oid, offset, this.chunkSize]);
      yield rows[0]!.data;
    }
  }

  async delete(actor: Actor, documentId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const { rows } = await tx.query<{ activity_id: string }>('SELECT activity_id FROM crm.document WHERE id = $1', [documentId]);
      if (!rows[0]) throw new NotFoundError(`document ${documentId} does not exist`);
      await this.activities.lockWritable(tx, actor, rows[0].activity_id);
      await tx.query('DELETE FROM crm.document WHERE id = $1', [documentId]);
      await tx.query('UPDATE crm.activity SET updated_at = now() WHERE id = $1', [rows[0].activity_id]);
    });
  }
}
