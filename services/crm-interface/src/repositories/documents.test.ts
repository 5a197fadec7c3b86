import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCrm, type TestCrm } from '../crm.test-support.js';
import { CRM_ERROR_CODES } from './crm.error.js';

// Forced collections make the samples measure live memory, not garbage waiting for the collector.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const SIZE = 20 * 1024 * 1024;
const PIECE = 64 * 1024;

function generated(size: number): Readable {
  let produced = 0;
  return new Readable({
    read() {
      if (produced >= size) return void this.push(null);
      const piece = Buffer.alloc(Math.min(PIECE, size - produced), (produced / PIECE) % 251);
      produced += piece.length;
      this.push(piece);
    },
  });
}

function expectedHash(size: number): string {
  const hash = createHash('sha256');
  for (let offset = 0; offset < size; offset += PIECE) hash.update(Buffer.alloc(Math.min(PIECE, size - offset), (offset / PIECE) % 251));
  return hash.digest('hex');
}

async function sampler() {
  // Array buffers are freed concurrently after a collection: let the previous test step's garbage go first.
  gc();
  await new Promise((resolve) => setTimeout(resolve, 100));
  gc();
  // Content held in memory would show as Buffers (arrayBuffers) or strings (heap). `external` is left out:
  // pg hands bytea over as hex text, and V8 releases those external strings only cycles later, whatever gc() says.
  const live = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.arrayBuffers;
  };
  const baseline = live();
  let peak = baseline;
  const sample = () => {
    gc();
    peak = Math.max(peak, live());
  };
  // A timer samples while a write runs inside the repository; a reader also samples after each
  // chunk it pulled, so a loaded machine that delays timers cannot let garbage pile up unseen.
  const timer = setInterval(sample, 100);
  const stop = () => {
    clearInterval(timer);
    return peak - baseline;
  };
  return Object.assign(stop, { sample });
}

describe('streamed documents', () => {
  let crm: TestCrm;
  let activityId: string;
  beforeAll(async () => {
    crm = await createTestCrm('crm_documents');
    activityId = (await crm.data.datastore('emails').create(crm.alice, { subject: 'Big mail', internetMessageId: '<big@x>' })).record.id;
  });
  afterAll(async () => crm.close());

  it('writes 20 MB from a stream and reads it back as a stream without holding it in memory', async () => {
    const { data, alice } = crm;
    const before = (await data.activities.get(alice, activityId))!;
    const stopWrite = await sampler();
    const document = await data.documents.create(alice, { activityId, role: 'original-mime', fileName: 'big.eml', contentType: 'message/rfc822' }, generated(SIZE));
    const writeGrowth = stopWrite();
    expect(document).toMatchObject({ size: SIZE, sha256: expectedHash(SIZE) });

    const opened = await data.documents.open(alice, document.id);
    const hash = createHash('sha256');
    let size = 0;
    const stopRead = await sampler();
    for await (const chunk of opened!.content as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.length;
      stopRead.sample();
    }
    const readGrowth = stopRead();
    expect(size).toBe(SIZE);
    expect(hash.digest('hex')).toBe(document.sha256);
    // Holding the content would cost at least SIZE as a Buffer (three times that with pg's hex text);
    // streamed, the growth is a few chunks plus garbage the collector has not released yet (measured 2-10 MB).
    expect(writeGrowth).toBeLessThan(SIZE);
    expect(readGrowth).toBeLessThan(SIZE);

    const after = (await data.activities.get(alice, activityId))!;
    expect(after.documents).toEqual([expect.objectContaining({ id: document.id, fileName: 'big.eml', size: SIZE })]);
    expect(BigInt(after.version)).toBeGreaterThan(BigInt(before.version));
  }, 120_000);

  it('does not let another user read or add documents, and rolls back a refused write', async () => {
    const { data, dave, alice, db } = crm;
    const [doc] = (await data.activities.get(alice, activityId))!.documents;
    expect(await data.documents.open(dave, doc!.id)).toBeNull();
    const { rows: before } = await db.query<{ n: string }>('SELECT count(*) AS n FROM pg_largeobject_metadata');
    await expect(
      data.documents.create(dave, { activityId, role: 'attachment', fileName: 'x.txt', contentType: 'text/plain' }, generated(1000)),
    ).rejects.toMatchObject({ code: CRM_ERROR_CODES.FORBIDDEN });
    const { rows: after } = await db.query<{ n: string }>('SELECT count(*) AS n FROM pg_largeobject_metadata');
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('removes the large object with the document', async () => {
    const { data, alice, db } = crm;
    const doc = await data.documents.create(alice, { activityId, role: 'attachment', fileName: 'a.txt', contentType: 'text/plain' }, Readable.from(['hello ', 'world']));
    const opened = await data.documents.open(alice, doc.id);
    const chunks: Buffer[] = [];
    for await (const chunk of opened!.content as AsyncIterable<Buffer>) chunks.push(chunk);
    expect(Buffer.concat(chunks).toString()).toBe('hello world');
    const { rows } = await db.query<{ content_oid: number }>('SELECT content_oid FROM crm.document WHERE id = $1', [doc.id]);
    await data.documents.delete(alice, doc.id);
    const { rowCount } = await db.query('SELECT 1 FROM pg_largeobject_metadata WHERE oid = $1', [rows[0]!.content_oid]);
    expect(rowCount).toBe(0);
  });
});
