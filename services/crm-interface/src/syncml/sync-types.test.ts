import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nativePayload, parseNative, startSyncmlServer, type SyncmlTestServer } from './syncml.test-support.js';

const ALICE = 'alice@demo.example';
let server: SyncmlTestServer;

beforeAll(async () => {
  server = await startSyncmlServer('syncml_types');
});
// One xmllint batch per test: a single batch of all of them (~1,500 messages, ~25 MB) crashes xmllint-wasm.
afterEach(async () => {
  await server.wire.assertAllValid();
  server.wire.clear();
});
afterAll(async () => {
  await server.close();
});

async function addPerson(firstName: string, lastName: string) {
  const { record } = await server.crm.data.datastore('contacts').create(server.crm.alice, { firstName, lastName });
  return record;
}

describe('two-way sync', () => {
  it('starts slow, then delivers only changes, maps server adds, and is quiet when nothing changed', async () => {
    const [a, b, c] = [await addPerson('Ada', 'Lovelace'), await addPerson('Bea', 'Brown'), await addPerson('Cy', 'Young')];
    const client = server.client();
    const first = await client.readChanges(ALICE, 'contacts');
    expect(first.slowSync).toBe(true);
    expect(first.changes.map((ch) => ch.op)).toEqual(['add', 'add', 'add']);
    expect(new Set(first.changes.map((ch) => ch.recordId))).toEqual(new Set([a!.id, b!.id, c!.id]));
    expect(parseNative(first.changes.find((ch) => ch.recordId === a!.id)!.payload!)).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace' });
    await first.complete(first.changes.map((ch) => ({ recordId: ch.recordId!, luid: `link-${ch.recordId}` })));

    await server.crm.data.datastore('contacts').update(server.crm.alice, a!.id, { lastName: 'King' });
    await server.crm.data.datastore('contacts').delete(server.crm.alice, b!.id);
    const d = await addPerson('Dee', 'New');
    const second = await client.readChanges(ALICE, 'contacts');
    expect(second.slowSync).toBe(false);
    const byOp = Object.fromEntries(second.changes.map((ch) => [ch.op, ch]));
    expect(second.changes).toHaveLength(3);
    expect(byOp.replace).toMatchObject({ recordId: a!.id, luid: `link-${a!.id}` });
    expect(parseNative(byOp.replace!.payload!)).toMatchObject({ lastName: 'King' });
    expect(byOp.delete).toMatchObject({ luid: `link-${b!.id}` });
    expect(byOp.add).toMatchObject({ recordId: d!.id });
    await second.complete([{ recordId: d!.id, luid: 'link-d' }]);

    const third = await client.readChanges(ALICE, 'contacts');
    expect(third.changes).toEqual([]);
    await third.complete([]);
  });

  it('writes adds, replaces and deletes with per-item results; the reader then sees them', async () => {
    const client = server.client();
    const existing = await addPerson('Eve', 'Old');
    const results = await client.writeChanges(ALICE, 'contacts', [
      { luid: 'w1', op: 'add', payload: nativePayload('contacts', { firstName: 'Wen', lastName: 'One' }) },
      { luid: 'w2', op: 'replace', recordId: existing!.id, payload: nativePayload('contacts', { lastName: 'Changed' }) },
    ]);
    expect(results.map((r) => [r.luid, r.status, r.ok])).toEqual([
      ['w1', 201, true],
      ['w2', 200, true],
    ]);
    expect(results[0]!.recordId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number(results[1]!.version)).toBeGreaterThan(Number(existing!.version));
    const stored = await server.crm.data.datastore('contacts').get(server.crm.alice, existing!.id);
    expect(stored).toMatchObject({ firstName: 'Eve', lastName: 'Changed' });

    const again = await client.writeChanges(ALICE, 'contacts', [{ luid: 'w2', op: 'delete', recordId: existing!.id }]);
    expect(again[0]).toMatchObject({ luid: 'w2', status: 200, ok: true });
    expect(await server.crm.data.datastore('contacts').get(server.crm.alice, existing!.id)).toBeNull();
  });
});
