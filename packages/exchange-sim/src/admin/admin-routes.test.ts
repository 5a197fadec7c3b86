import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, first, NS, SimHarness } from '../test-support/sim-harness.test-support.js';
import { syncItems } from '../test-support/ews-requests.test-support.js';
import type { RequestLogEntry } from '../stats/request-stats.js';

let sim: SimHarness;

beforeAll(async () => {
  sim = await SimHarness.start({ demo: true });
});

afterAll(async () => {
  expect(await sim.schema.validate()).toEqual([]);
  await sim.close();
});

describe('admin API', () => {
  it('--demo seeds realistic mailboxes, including a German one and a service account', async () => {
    const mailboxes = (await sim.admin<{ smtp: string; locale: string; canImpersonate: boolean; items: number }[]>('GET', '/mailboxes')).body;
    expect(mailboxes.map((m) => m.smtp)).toEqual(['alice@demo.example', 'bob@demo.example', 'carla@demo.example', 'svc-connector@demo.example']);
    expect(mailboxes.find((m) => m.smtp === 'carla@demo.example')!.locale).toBe('de-DE');
    expect(mailboxes.find((m) => m.smtp === 'svc-connector@demo.example')!.canImpersonate).toBe(true);
    const view = await sim.ews(
      `<m:FindItem ${NS} Traversal="Shallow"><m:ItemShape><t:BaseShape>Default</t:BaseShape></m:ItemShape><m:CalendarView StartDate="${new Date(Date.now() - 20 * 86_400_000).toISOString()}" EndDate="${new Date(Date.now() + 30 * 86_400_000).toISOString()}"/><m:ParentFolderIds><t:DistinguishedFolderId Id="calendar"/></m:ParentFolderIds></m:FindItem>`,
      { user: 'svc-connector@demo.example', password: 'svc-pass', impersonate: 'alice@demo.example' },
    );
    expect(codes(view)).toEqual(['NoError']);
    expect(Number(first(view.doc, 'RootFolder')!.attrs.TotalItemsInView)).toBeGreaterThanOrEqual(7);
  });

  it('bulk-seeds thousands of items per call and counts no EWS writes for reads', async () => {
    await sim.admin('POST', '/reset', {});
    await sim.admin('POST', '/mailboxes', { smtp: 'bulk@test.example', password: 'pass' });
    const items = Array.from({ length: 5000 }, (_, i) => ({ kind: 'contact', fields: { GivenName: `G${i}`, Surname: `S${i}`, EmailAddresses: { EmailAddress1: `c${i}@x.example` } } }));
    const started = Date.now();
    const seeded = await sim.admin<{ ids: unknown[] }>('POST', '/mailboxes/bulk@test.example/items', { items });
    expect(seeded.status).toBe(201);
    expect(seeded.body.ids).toHaveLength(5000);
    expect(Date.now() - started).toBeLessThan(15_000); // generous: CI machines run many suites at once
    const sync = await sim.ews(syncItems('contacts', undefined, 512), { user: 'bulk@test.example' });
    expect(first(sync.doc, 'Changes')!.children).toHaveLength(512);
    const stats = (await sim.admin<{ totalWrites: Record<string, number>; byOperation: Record<string, number> }>('GET', '/stats')).body;
    expect(stats.totalWrites).toEqual({ creates: 0, updates: 0, deletes: 0 });
    expect(stats.byOperation.SyncFolderItems).toBe(1);
    const log = (await sim.admin<RequestLogEntry[]>('GET', '/log?mailbox=bulk@test.example')).body;
    expect(log.map((e) => [e.operation, e.responseCode, e.httpStatus])).toEqual([['SyncFolderItems', 'NoError', 200]]);
  });

  it('refuses bad input with stable codes and changes nothing', async () => {
    expect((await sim.admin<{ error: { code: string } }>('POST', '/mailboxes', { smtp: 'nope' })).body.error.code).toBe('INVALID_INPUT');
    expect((await sim.admin<{ error: { code: string } }>('POST', '/mailboxes', { smtp: 'alice@demo.example', password: 'x' })).body.error.code).toBe('MAILBOX_EXISTS');
    expect((await sim.admin<{ error: { code: string } }>('POST', '/mailboxes/none@x.example/items', { items: [] })).body.error.code).toBe('MAILBOX_NOT_FOUND');
    const bad = await sim.admin<{ error: { code: string } }>('POST', '/mailboxes/bob@demo.example/items', { items: [{ kind: 'message', fields: {} }, { kind: 'fax', fields: {} }] });
    expect(bad.body.error.code).toBe('INVALID_INPUT');
    expect((await sim.admin<unknown[]>('GET', '/mailboxes/bob@demo.example/items?folder=inbox')).body).toHaveLength(0);
    expect((await sim.admin<{ error: { code: string } }>('GET', '/items/nothing')).body.error.code).toBe('ITEM_NOT_FOUND');
  });

  it('reset with data forgets every mailbox', async () => {
    await sim.admin('POST', '/reset', { data: true });
    expect((await sim.admin<unknown[]>('GET', '/mailboxes')).body).toEqual([]);
  });
});
