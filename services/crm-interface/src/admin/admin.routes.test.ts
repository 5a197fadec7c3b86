import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair } from '@connector/crm-token';
import { createLogger } from '@connector/observability';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { createTestCrm, type TestCrm } from '../crm.test-support.js';

const KEY = 'admin-secret-key';

describe('admin API', () => {
  let crm: TestCrm;
  let app: FastifyInstance;
  const headers = { 'x-admin-key': KEY };

  beforeAll(async () => {
    crm = await createTestCrm('crm_admin');
    ({ app } = await buildApp({
      db: crm.db,
      adminKey: KEY,
      tokenKeys: [{ algorithm: 'ed25519', publicKey: generateKeyPair().publicKeyPem }],
      logger: createLogger({ service: 'crm-interface-test', level: 'silent' }),
    }));
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await crm.close();
  });

  const post = (url: string, payload: unknown) => app.inject({ method: 'POST', url, headers, payload: payload as object });
  const get = async (url: string) => (await app.inject({ method: 'GET', url, headers })).json();

  it('refuses requests without the admin key', async () => {
    expect((await app.inject({ method: 'GET', url: '/admin/stats' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/admin/stats', headers: { 'x-admin-key': 'wrong' } })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/health' })).json()).toEqual({ status: 'ok' });
  });

  it('seeds thousands of records per call and reports them in stats', async () => {
    const before = await get('/admin/stats');
    const companyId = randomUUID();
    expect((await post('/admin/companies', [{ id: companyId, name: 'Bulk Co', responsibleUserId: crm.alice.userId }])).statusCode).toBe(201);
    const persons = Array.from({ length: 3000 }, (_, i) => ({
      companyId,
      responsibleUserId: crm.alice.userId,
      firstName: `P${i}`,
      lastName: 'Bulk',
      emails: [{ address: `p${i}@bulk.example`, kind: 'work' }],
    }));
    const started = Date.now();
    const response = await post('/admin/persons', persons);
    expect(response.statusCode).toBe(201);
    expect(response.json().count).toBe(3000);
    expect(Date.now() - started).toBeLessThan(15_000);
    const after = await get('/admin/stats');
    expect(after.counts.persons - before.counts.persons).toBe(3000);
    expect(BigInt(after.changeSeq)).toBeGreaterThan(BigInt(before.changeSeq));
    const page = await get(`/admin/persons?responsibleUserId=${crm.alice.userId}&limit=10`);
    expect(page).toHaveLength(10);
    expect(page[0].emails[0].address).toMatch(/@bulk\.example$/);
  });

  it('seeds activities with participants, deduplicates mails and streams documents', async () => {
    const mail = { kind: 'email', responsibleUserId: crm.bob.userId, subject: 'Hello', internetMessageId: '<admin@x>', participants: [{ personId: null, userId: null, address: 'a@x.example', name: null, role: 'required', response: 'none' }] };
    const first = (await post('/admin/activities', [mail, mail])).json();
    expect(first.count).toBe(1);
    expect(first.results.map((r: { created: boolean }) => r.created)).toEqual([true, false]);
    const [activity] = await get('/admin/activities?kind=email&internetMessageId=%3Cadmin%40x%3E');
    expect(activity.participants).toHaveLength(1);
    const upload = await app.inject({
      method: 'POST',
      url: `/admin/activities/${activity.id}/documents?fileName=mail.eml&contentType=message%2Frfc822&role=original-mime`,
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      payload: Buffer.from('Subject: Hello\r\n\r\nBody'),
    });
    expect(upload.statusCode).toBe(201);
    const content = await app.inject({ method: 'GET', url: `/admin/documents/${upload.json().id}/content`, headers });
    expect(content.headers['content-type']).toContain('message/rfc822');
    expect(content.body).toBe('Subject: Hello\r\n\r\nBody');
  });

  it('seeds users, tasks, absences and favourites and lists them with filters', async () => {
    const users = (await post('/admin/users', [{ login: 'zed@demo.example', displayName: 'Zed', salesGroup: 'West', password: 'pw', allowMd5Auth: true }])).json();
    expect(users.users[0]).toMatchObject({ login: 'zed@demo.example', hasPassword: true, md5AuthEnabled: true });
    expect(JSON.stringify(users)).not.toContain('pw"');
    const zed = users.users[0].id;
    expect((await post('/admin/tasks', [{ subject: 'Bulk task', responsibleUserId: zed }])).statusCode).toBe(201);
    expect((await post('/admin/absences', [{ responsibleUserId: zed, type: 'sickness', startAt: '2026-12-01T00:00:00Z', endAt: '2026-12-02T00:00:00Z' }])).statusCode).toBe(201);
    const [person] = await get(`/admin/persons?limit=1`);
    expect((await post('/admin/favourites', [{ userId: zed, personId: person.id }])).json()).toEqual({ count: 1 });
    expect(await get(`/admin/favourites?userId=${zed}`)).toEqual([{ userId: zed, personId: person.id }]);
    expect(await get(`/admin/tasks?responsibleUserId=${zed}`)).toEqual([expect.objectContaining({ subject: 'Bulk task', status: 'open' })]);
    expect(await get(`/admin/absences?responsibleUserId=${zed}`)).toEqual([expect.objectContaining({ type: 'sickness', allDay: true })]);
    expect(await get('/admin/users?salesGroup=West')).toEqual([expect.objectContaining({ login: 'zed@demo.example' })]);
  });

  it('edits and deletes records as the CRM screens would, moving the change sequence', async () => {
    const id = randomUUID();
    await post('/admin/activities', [{ id, kind: 'meeting', subject: 'Before', startAt: '2030-01-01T09:00:00Z', endAt: '2030-01-01T10:00:00Z', responsibleUserId: crm.alice.userId }]);
    const seq = (await get('/admin/stats')).changeSeq;
    const patched = await app.inject({ method: 'PATCH', url: `/admin/activities/${id}`, headers, payload: { subject: 'After' } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ changed: true, record: { id, subject: 'After', location: null } });
    expect(BigInt((await get('/admin/stats')).changeSeq)).toBeGreaterThan(BigInt(seq));
    expect((await app.inject({ method: 'PATCH', url: `/admin/activities/${id}`, headers, payload: { endAt: 'soon' } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'DELETE', url: `/admin/activities/${id}`, headers })).statusCode).toBe(204);
    expect((await app.inject({ method: 'DELETE', url: `/admin/activities/${id}`, headers })).statusCode).toBe(404);
  });

  it('answers 400 with every problem and writes nothing for invalid bodies', async () => {
    const before = await get('/admin/stats');
    const bad = await post('/admin/tasks', [{ subject: 'ok' }, { subject: '', status: 'done' }]);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'CRM_INVALID_REQUEST' });
    expect(bad.json().issues.map((i: { path: unknown[] }) => i.path.join('.'))).toEqual(expect.arrayContaining(['1.subject', '1.status']));
    expect((await post('/admin/persons', [{ companyId: randomUUID(), lastName: 'Dangling' }])).json()).toMatchObject({ code: 'CRM_MISSING_REFERENCE' });
    expect((await post('/admin/persons', { not: 'an array' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/admin/tasks?limit=abc', headers })).statusCode).toBe(400);
    const after = await get('/admin/stats');
    expect({ changeSeq: after.changeSeq, counts: after.counts }).toEqual({ changeSeq: before.changeSeq, counts: before.counts });
  });
});
