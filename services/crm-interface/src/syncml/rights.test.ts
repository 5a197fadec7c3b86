import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { nativePayload, parseNative, startSyncmlServer, type SyncmlTestServer } from './syncml.test-support.js';

let server: SyncmlTestServer;

beforeAll(async () => {
  server = await startSyncmlServer('syncml_rights');
});
afterEach(async () => {
  await server.wire.assertAllValid();
  server.wire.clear();
});
afterAll(async () => {
  await server.close();
});

describe('CRM rights through SyncML', () => {
  it('answers 403 for the items outside the user rights and applies the rest', async () => {
    const { record: alicesContact } = await server.crm.data.datastore('contacts').create(server.crm.alice, { firstName: 'Alice', lastName: 'Owned' });
    const results = await server.client().writeChanges('dave@demo.example', 'contacts', [
      { luid: 'd1', op: 'add', payload: nativePayload('contacts', { firstName: 'Dave', lastName: 'Own' }) },
      { luid: 'd2', op: 'replace', recordId: alicesContact.id, payload: nativePayload('contacts', { lastName: 'Hijacked' }) },
      { luid: 'd3', op: 'delete', recordId: alicesContact.id },
      { luid: 'd4', op: 'add', payload: nativePayload('contacts', { firstName: 'Gift', responsibleUserId: server.crm.alice.userId }) },
    ]);
    expect(results.map((r) => [r.luid, r.status, r.error])).toEqual([
      ['d1', 201, undefined],
      ['d2', 403, 'forbidden'],
      ['d3', 403, 'forbidden'],
      ['d4', 403, 'forbidden'],
    ]);
    expect(await server.crm.data.datastore('contacts').get(server.crm.alice, alicesContact.id)).toMatchObject({ lastName: 'Owned' });
  });

  it('never returns other users private appointments', async () => {
    const calendar = server.crm.data.datastore('calendar');
    const slot = { startAt: '2026-12-01T09:00:00Z', endAt: '2026-12-01T10:00:00Z' };
    const { record: shared } = await calendar.create(server.crm.alice, { kind: 'meeting', subject: 'Team meeting', ...slot });
    const { record: secret } = await calendar.create(server.crm.alice, { kind: 'appointment', subject: 'Doctor', private: true, ...slot });
    const bob = server.client();
    const bobs = await bob.readChanges('bob@demo.example', 'calendar');
    const ids = bobs.changes.map((c) => c.recordId);
    expect(ids).toContain(shared.id);
    expect(ids).not.toContain(secret.id);
    expect(bobs.changes.map((c) => parseNative('calendar', c.payload!).subject)).not.toContain('Doctor');
    await bobs.complete(bobs.changes.map((c) => ({ recordId: c.recordId!, luid: `bob-${c.recordId}` })));

    await calendar.update(server.crm.alice, shared.id, { private: true });
    const again = await bob.readChanges('bob@demo.example', 'calendar');
    // Made private: bob's device loses it (a delete to its LUID), and never sees its content.
    expect(again.changes).toEqual([{ op: 'delete', luid: `bob-${shared.id}` }]);
    await again.complete([]);
  });
});
