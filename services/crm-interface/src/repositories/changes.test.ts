import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCrm, type TestCrm } from '../crm.test-support.js';
import type { SyncTarget } from './sync-state.repository.js';

describe('change tracking', () => {
  let crm: TestCrm;
  beforeAll(async () => {
    crm = await createTestCrm('crm_changes');
  });
  afterAll(async () => crm.close());

  const target = (userId: string, datastore: SyncTarget['datastore'] = 'tasks'): SyncTarget => ({ userId, deviceId: 'connector', datastore });

  it('bumps the global sequence on insert and update, not on an update that changes nothing', async () => {
    const { data, alice } = crm;
    const before = BigInt(await data.currentSeq());
    const created = (await data.tasks.create(alice, { subject: 'Seq' })).record;
    expect(BigInt(created.version)).toBeGreaterThan(before);
    const updated = await data.tasks.update(alice, created.id, { subject: 'Seq 2' });
    expect(BigInt(updated.record.version)).toBeGreaterThan(BigInt(created.version));
    const same = await data.tasks.update(alice, created.id, { subject: 'Seq 2' });
    expect(same).toMatchObject({ changed: false });
    expect(same.record.version).toBe(updated.record.version);
    expect(await data.currentSeq()).toBe(updated.record.version);
  });

  it('returns upserts and tombstones in sequence order, paged, and nothing once in sync', async () => {
    const { data, bob } = crm;
    const store = data.datastore('tasks');
    const start = await data.currentSeq();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await store.create(bob, { subject: `T${i}` })).record.id);
    await data.sync.mapLuid(target(bob.userId), 'luid-0', ids[0]!);
    await store.update(bob, ids[1]!, { status: 'completed', percentComplete: 100 });
    await store.delete(bob, ids[0]!);
    await store.delete(bob, ids[2]!); // never on the device: its tombstone is not news for it

    const first = await store.changesSince(bob, target(bob.userId), { sinceSeq: start, limit: 3 });
    expect(first.more).toBe(true);
    const second = await store.changesSince(bob, target(bob.userId), { sinceSeq: first.nextSeq, watermark: first.watermark, limit: 3 });
    expect(second.more).toBe(false);
    const all = [...first.changes, ...second.changes];
    const seqs = all.map((c) => BigInt(c.seq));
    expect([...seqs].sort((a, b) => (a < b ? -1 : 1))).toEqual(seqs);
    expect(all.map((c) => (c.type === 'upsert' ? `+${c.record.subject}` : `-${c.luid}:${c.reason}`))).toEqual(['+T3', '+T4', '+T1', '-luid-0:deleted']);

    const quiet = await store.changesSince(bob, target(bob.userId), { sinceSeq: second.nextSeq });
    expect(quiet.changes).toEqual([]);
    expect(quiet.nextSeq).toBe(second.nextSeq);
  });

  it('reports a record that leaves the user\'s view (reassigned) as a delete for a device that holds it', async () => {
    const { data, alice, bob } = crm;
    const store = data.datastore('tasks');
    const task = (await store.create(alice, { subject: 'Move me', shared: false })).record;
    const since = task.version;
    await data.sync.mapLuid(target(alice.userId), 'a-1', task.id);
    await store.update(alice, task.id, { responsibleUserId: bob.userId });
    const forAlice = await store.changesSince(alice, target(alice.userId), { sinceSeq: String(BigInt(since) - 1n) });
    expect(forAlice.changes).toEqual([expect.objectContaining({ type: 'delete', luid: 'a-1', reason: 'not-visible' })]);
    const forBob = await store.changesSince(bob, target(bob.userId), { sinceSeq: since });
    expect(forBob.changes).toEqual([expect.objectContaining({ type: 'upsert', luid: null })]);
  });

  it('keeps the watermark below a write that has not committed yet', async () => {
    const { data, db, alice } = crm;
    const client = await db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query("INSERT INTO crm.task (subject, responsible_user_id) VALUES ('in flight', $1)", [alice.userId]);
      let resolved = false;
      const watermark = data.currentSeq().then((seq) => {
        resolved = true;
        return seq;
      });
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(resolved).toBe(false);
      await client.query('COMMIT');
      const { rows } = await db.query<{ change_seq: string }>("SELECT change_seq FROM crm.task WHERE subject = 'in flight'");
      expect(BigInt(await watermark)).toBeGreaterThanOrEqual(BigInt(rows[0]!.change_seq));
    } finally {
      client.release();
    }
  });

  it('scans changes with an index range, not the whole table', async () => {
    const { db, erin } = crm;
    await db.query("INSERT INTO crm.task (subject, responsible_user_id) SELECT 'bulk ' || i, $1 FROM generate_series(1, 20000) i", [erin.userId]);
    await db.query('ANALYZE crm.task');
    const { rows } = await db.query<{ 'QUERY PLAN': string }>('EXPLAIN SELECT id FROM crm.task WHERE change_seq > 1000000 ORDER BY change_seq LIMIT 100');
    expect(rows.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/Index Scan using task_change_seq_idx/);
  });

  it('keeps anchors and LUID maps per user, device and datastore', async () => {
    const { data, alice } = crm;
    const t = { userId: alice.userId, deviceId: 'phone', datastore: 'contacts' as const };
    expect(await data.sync.getAnchor(t)).toBeNull();
    await data.sync.setAnchor(t, { clientAnchor: 'c1', serverAnchor: 's1', serverSeq: '42' });
    expect(await data.sync.getAnchor(t)).toMatchObject({ clientAnchor: 'c1', serverAnchor: 's1', serverSeq: '42' });
    expect(await data.sync.getAnchor({ ...t, deviceId: 'other' })).toBeNull();
    const person = (await data.persons.create(alice, { lastName: 'Mapped' })).record;
    await data.sync.mapLuid(t, '17', person.id);
    expect(await data.sync.findByLuid(t, '17')).toBe(person.id);
    expect(await data.sync.findLuid(t, person.id)).toBe('17');
    await data.sync.mapLuid(t, '18', person.id);
    expect(await data.sync.findByLuid(t, '17')).toBeNull();
    const other = (await data.persons.create(alice, { lastName: 'Other' })).record;
    await data.sync.mapLuids(t, [
      { luid: '20', recordId: other.id },
      { luid: '21', recordId: other.id },
      { luid: '22', recordId: person.id },
    ]);
    expect(await data.sync.listMappings(t)).toEqual([
      { luid: '21', recordId: other.id },
      { luid: '22', recordId: person.id },
    ]);
    expect(await data.sync.findByLuids(t, ['21', '22', '99'])).toEqual(new Map([['21', other.id], ['22', person.id]]));
    expect(await data.sync.findLuids(t, [other.id])).toEqual(new Map([[other.id, '21']]));
    await data.sync.unmapLuid(t, '21');
    await data.sync.resetMap({ ...t, deviceId: 'other' });
    expect(await data.sync.listMappings(t)).toEqual([{ luid: '22', recordId: person.id }]);
    await data.sync.resetMap(t);
    expect(await data.sync.getAnchor(t)).not.toBeNull();
    await data.sync.reset(t);
    expect(await data.sync.getAnchor(t)).toBeNull();
    expect(await data.sync.findLuid(t, person.id)).toBeNull();
  });
});
