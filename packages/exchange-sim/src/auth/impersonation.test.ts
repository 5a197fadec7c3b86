import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, first, NS, SimHarness } from '../test-support/sim-harness.test-support.js';
import { createItem } from '../test-support/ews-requests.test-support.js';

let sim: SimHarness;

beforeAll(async () => {
  sim = await SimHarness.start();
  await sim.mailbox('alice@test.example');
  await sim.mailbox('bob@test.example');
  await sim.mailbox('svc@test.example', { password: 'svc-pass', canImpersonate: true });
});

afterAll(async () => {
  expect(await sim.schema.validate()).toEqual([]);
  await sim.close();
});

const inbox = `<m:GetFolder ${NS}><m:FolderShape><t:BaseShape>AllProperties</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder>`;

describe('Basic auth and ExchangeImpersonation', () => {
  it('accepts DOMAIN\\user and UPN forms, refuses a wrong password with 401', async () => {
    expect((await sim.ews(inbox, { user: 'CORP\\alice', password: 'pass' })).status).toBe(200);
    const denied = await sim.ews(inbox, { user: 'alice@test.example', password: 'nope' });
    expect(denied.status).toBe(401);
    expect(denied.headers.get('www-authenticate')).toContain('Basic');
    expect((await sim.ews(inbox, { authorization: null })).status).toBe(401);
  });

  it('a service account with the right acts in the impersonated mailbox', async () => {
    const created = await sim.ews(createItem('<t:Task><t:Subject>for bob</t:Subject></t:Task>'), { user: 'svc@test.example', password: 'svc-pass', impersonate: 'bob@test.example' });
    expect(codes(created)).toEqual(['NoError']);
    const bobTasks = await sim.admin<unknown[]>('GET', '/mailboxes/bob@test.example/items?folder=tasks');
    expect(bobTasks.body).toHaveLength(1);
    const stats = await sim.admin<{ writes: Record<string, { creates: number }>; byMailbox: Record<string, Record<string, number>> }>('GET', '/stats');
    expect(stats.body.writes['bob@test.example']!.creates).toBe(1);
    expect(stats.body.byMailbox['bob@test.example']!.CreateItem).toBe(1);
  });

  it('an item of another mailbox is not reachable without the right', async () => {
    const bobTask = (await sim.admin<{ id: string }[]>('GET', '/mailboxes/bob@test.example/items?folder=tasks')).body[0]!;
    const get = `<m:GetItem ${NS}><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:ItemIds><t:ItemId Id="${bobTask.id}"/></m:ItemIds></m:GetItem>`;
    expect(codes(await sim.ews(get, { user: 'alice@test.example' }))).toEqual(['ErrorAccessDenied']);
    expect(codes(await sim.ews(get, { user: 'svc@test.example', password: 'svc-pass', impersonate: 'bob@test.example' }))).toEqual(['NoError']);
  });

  it('refuses impersonation without the right, and of an unknown mailbox, as SOAP faults', async () => {
    const denied = await sim.ews(inbox, { user: 'alice@test.example', impersonate: 'bob@test.example' });
    expect(denied.status).toBe(500);
    expect(first(denied.doc, 'faultcode')!.text).toBe('a:ErrorImpersonateUserDenied');
    expect(first(denied.doc, 'ResponseCode')!.text).toBe('ErrorImpersonateUserDenied');
    const unknown = await sim.ews(inbox, { user: 'svc@test.example', password: 'svc-pass', impersonate: 'nobody@test.example' });
    expect(first(unknown.doc, 'ResponseCode')!.text).toBe('ErrorNonExistentMailbox');
    // the right can be withdrawn at run time
    await sim.admin('PATCH', '/mailboxes/svc@test.example', { canImpersonate: false });
    const withdrawn = await sim.ews(inbox, { user: 'svc@test.example', password: 'svc-pass', impersonate: 'bob@test.example' });
    expect(first(withdrawn.doc, 'ResponseCode')!.text).toBe('ErrorImpersonateUserDenied');
  });
});
