import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nativePayload, parseNative, startSyncmlServer, type SyncmlTestServer } from './syncml.test-support.js';

const ALICE = 'alice@demo.example';
const SMALL = 16 * 1024;
/** Hundreds of 16 KiB round trips each: slow on a loaded machine, bounded all the same. */
const HEAVY = { timeout: 180_000 };
let server: SyncmlTestServer;

beforeAll(async () => {
  // Both directions under 16 KiB: the server accepts 16 KiB messages, the client asks for 16 KiB.
  server = await startSyncmlServer('syncml_multi', { maxMsgSize: SMALL });
});
// One xmllint batch per test: a single batch of all of them (~1,500 messages, ~25 MB) crashes xmllint-wasm.
afterEach(async () => {
  await server.wire.assertAllValid();
  server.wire.clear();
});
afterAll(async () => {
  await server.close();
});

describe('packages split across messages', () => {
  it('writes 1,000 items and reads them back, every message under 16 KiB, each item exactly once', HEAVY, async () => {
    const sizes: number[] = [];
    const client = server.client({
      maxMsgSize: SMALL,
      onWire: (xml, direction) => {
        sizes.push(Buffer.byteLength(xml));
        server.wire.record(xml, `${direction} ${server.wire.count + 1}`);
      },
    });
    const items = Array.from({ length: 1000 }, (_, i) => ({
      luid: `bulk-${i}`,
      op: 'add' as const,
      payload: nativePayload('contacts', { firstName: `Person ${i}`, lastName: 'Bulk & <Co>', notes: 'x'.repeat(100) }),
    }));
    const results = await client.writeChanges(ALICE, 'contacts', items);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1000);
    expect(new Set(results.map((r) => r.recordId)).size).toBe(1000);

    const read = await client.readChanges(ALICE, 'contacts');
    const adds = read.changes.filter((c) => c.op === 'add');
    expect(adds).toHaveLength(1000);
    expect(new Set(adds.map((c) => c.recordId))).toEqual(new Set(results.map((r) => r.recordId)));
    await read.complete(adds.map((c) => ({ recordId: c.recordId!, luid: `reader-${c.recordId}` })));

    expect(sizes.length).toBeGreaterThan(20);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(SMALL);
    const again = await client.readChanges(ALICE, 'contacts');
    expect(again.changes).toEqual([]);
    await again.complete([]);
  });

  it('moves a 5 MB e-mail both ways in MoreData chunks and checks the declared size', HEAVY, async () => {
    const client = server.client({ maxMsgSize: SMALL });
    const body = Array.from({ length: 49_000 }, (_, i) => `<p>line ${i} äöü € &amp; ]]&gt;</p>`.padEnd(100, '.')).join('').slice(0, 4_900_000);
    const payload = nativePayload('emails', { kind: 'email', subject: 'Big one', bodyHtml: body, internetMessageId: '<big@example.com>' });
    expect(Buffer.byteLength(payload)).toBeGreaterThan(4_900_000);
    const [result] = await client.writeChanges(ALICE, 'emails', [{ luid: 'big-1', op: 'add', payload }]);
    expect(result).toMatchObject({ status: 201, ok: true });
    const stored = await server.crm.data.datastore('emails').get(server.crm.alice, result!.recordId!);
    expect((stored as { bodyHtml?: string }).bodyHtml).toBe(body);

    const read = await client.readChanges(ALICE, 'emails');
    const big = read.changes.find((c) => c.recordId === result!.recordId);
    expect(parseNative('emails', big!.payload!).bodyHtml).toBe(body);
    await read.complete([{ recordId: result!.recordId!, luid: 'big-1' }]);
  });
});

describe('idempotent writes', () => {
  it('recognises a repeated Add with a known LUID and returns the existing record', async () => {
    const client = server.client();
    const payload = nativePayload('contacts', { firstName: 'Rita', lastName: 'Repeat' });
    const [first] = await client.writeChanges(ALICE, 'contacts', [{ luid: 'repeat-1', op: 'add', payload }]);
    const seq = await server.changeSeq();
    const [second] = await client.writeChanges(ALICE, 'contacts', [{ luid: 'repeat-1', op: 'add', payload }]);
    expect(second).toMatchObject({ ok: true, status: 200, recordId: first!.recordId, version: first!.version });
    expect(await server.changeSeq()).toBe(seq);
  });

  it('files the same e-mail (same Message-ID) twice as one activity', async () => {
    const client = server.client();
    const mail = nativePayload('emails', { kind: 'email', subject: 'Offer', internetMessageId: '<offer-1@example.com>', direction: 'incoming' });
    const [first] = await client.writeChanges(ALICE, 'emails', [{ luid: 'mail-a', op: 'add', payload: mail }]);
    const [second] = await client.writeChanges(ALICE, 'emails', [{ luid: 'mail-b', op: 'add', payload: mail }]);
    expect(first).toMatchObject({ ok: true, status: 201 });
    expect(second).toMatchObject({ ok: true, status: 200, recordId: first!.recordId });
    const { rows } = await server.crm.db.query("SELECT count(*)::int AS n FROM crm.activity WHERE internet_message_id = '<offer-1@example.com>'");
    expect(rows[0]).toEqual({ n: 1 });
  });
});
