import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUE_NAMES } from '@connector/core';
import { observedChangeJobId } from '@connector/state';
import { buildDashboard } from './dashboard.app.js';
import { ALICE, BOB, basic, changeJob, config, linkFor, startDashboard, type DashboardFixture } from './dashboard.test-support.js';

let f: DashboardFixture;
const HOSTILE = '"><script>alert(1)</script>@evil.example';
const DROPPED = 'carol@demo.example';

beforeAll(async () => {
  f = await startDashboard('dashboard');
  await f.registry.publish(
    [ALICE, BOB, HOSTILE].map((smtp) => ({ crmUser: smtp.split('@')[0]!, crmUserId: `u-${smtp}`, smtp, rules: config.rules })),
  );
  const at = new Date().toISOString();
  await f.state.mailboxes.recordCycle(ALICE, 'appointment', { cycleId: 'a1', startedAt: at, finishedAt: at, counts: { createdInCrm: 7, updatedInExchange: 3, deletedInCrm: 2, errors: 1 } });
  await f.state.mailboxes.recordCycle(ALICE, 'email', { cycleId: 'e1', startedAt: at, finishedAt: at, counts: { createdInCrm: 11 } });
  for (let i = 0; i < 5; i++) await f.state.mailboxes.recordAccessFailure(BOB, { code: 'EWS_UNREACHABLE', message: 'connect ECONNREFUSED' });
  await f.state.mailboxes.recordAccessFailure(HOSTILE, { code: 'EWS_DENIED', message: '<img src=x onerror=alert(2)>' });
  await f.state.mailboxes.setEnabled(DROPPED, false);
});
afterAll(async () => f?.close());

const get = (url: string, authorization = basic()) => f.app.inject({ method: 'GET', url, headers: { authorization } });
const post = (url: string, headers: Record<string, string> = {}) =>
  f.app.inject({ method: 'POST', url, headers: { authorization: basic(), 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: '' });
const page = (smtp: string) => `/mailboxes/${encodeURIComponent(smtp)}`;

describe('authentication', () => {
  it('answers 401 with a Basic challenge without credentials, with a wrong password or a wrong user', async () => {
    for (const url of ['/', page(ALICE), '/api/overview', '/queues', '/queues/api/queues']) {
      const anonymous = await f.app.inject({ method: 'GET', url });
      expect(anonymous.statusCode, url).toBe(401);
      expect(anonymous.headers['www-authenticate']).toContain('Basic realm=');
      expect((await get(url, basic('wrong'))).statusCode, url).toBe(401);
      expect((await get(url, basic(undefined, 'root'))).statusCode, url).toBe(401);
      expect((await get(url, 'Bearer abc')).statusCode, url).toBe(401);
    }
    const anonymousPost = await f.app.inject({ method: 'POST', url: `${page(ALICE)}/sync-now` });
    expect(anonymousPost.statusCode).toBe(401);
    expect(await f.queues.pollExchange.queue.count()).toBe(0);
  });

  it('leaves /health open and lets the admin in', async () => {
    expect((await f.app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    expect((await get('/')).statusCode).toBe(200);
  });

  it('asks for nothing when no password is configured (main allows that on loopback only)', async () => {
    const open = Fastify();
    await buildDashboard(open, { ...f.deps, adminPassword: undefined });
    expect((await open.inject({ method: 'GET', url: '/api/overview' })).statusCode).toBe(200);
    await open.close();
  });

  it('refuses a form post started by another site', async () => {
    const foreign = await post(`${page(ALICE)}/sync-now`, { origin: 'http://evil.example' });
    expect(foreign.statusCode).toBe(403);
    expect((await post(`${page(ALICE)}/sync-now`, { 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
    expect(await f.queues.pollExchange.queue.count()).toBe(0);
  });
});

describe('overview', () => {
  it('lists every mailbox with its state, last cycles and counts', async () => {
    const response = await get('/');
    expect(response.headers['content-type']).toContain('text/html');
    const body = response.body;
    for (const smtp of [ALICE, BOB, DROPPED]) expect(body).toContain(`data-mailbox="${smtp}"`);
    const row = (smtp: string) => body.slice(body.indexOf(`data-mailbox="${smtp}"`)).split('</tr>')[0]!;
    expect(row(ALICE)).toContain('enabled');
    expect(row(ALICE)).toMatch(/appointment<\/strong>.*CRM \+7 ~0 −2 · Exchange \+0 ~3 −0/s);
    expect(row(ALICE)).toContain('1 error(s)');
    expect(row(BOB)).toContain('suspended');
    expect(row(BOB)).toContain('EWS_UNREACHABLE: connect ECONNREFUSED');
    expect(row(BOB)).toContain('next retry');
    expect(row(DROPPED)).toContain('not in the mailbox list');
    expect(row(DROPPED)).toContain('disabled');
    expect(body).toContain('<a href="/queues">');
  });

  it('serves the same data as JSON', async () => {
    const { mailboxes, queues } = (await get('/api/overview')).json<{ mailboxes: Array<{ mailbox: string; listed: boolean; status: { suspended: boolean; nextRetryAt?: string } | null }>; queues: Array<{ name: string }> }>();
    expect(mailboxes.map((m) => m.mailbox).sort()).toEqual([HOSTILE, ALICE, BOB, DROPPED].sort());
    const bob = mailboxes.find((m) => m.mailbox === BOB)!;
    expect(bob.status).toMatchObject({ suspended: true });
    expect(bob.status?.nextRetryAt).toBeDefined();
    expect(mailboxes.find((m) => m.mailbox === DROPPED)?.listed).toBe(false);
    expect(queues.map((q) => q.name)).toEqual([...QUEUE_NAMES]);
    expect((await get('/api/mailboxes/nobody%40demo.example')).statusCode).toBe(404);
    expect((await get('/mailboxes/nobody%40demo.example')).statusCode).toBe(404);
  });

  it('escapes hostile mailbox names and reasons', async () => {
    const reason = '<b onmouseover=alert(3)>bad</b>';
    await f.state.quarantine.quarantine({ mailbox: 'x@evil.example', objectType: 'task', side: 'crm', sourceId: '<i>1</i>', errorCode: 'E<1>', reason, payload: { x: 1 } });
    for (const url of ['/', page(HOSTILE), page('x@evil.example')]) {
      const body = (await get(url)).body;
      expect(body, url).not.toContain('<script>alert');
      expect(body, url).not.toContain('<img src=x');
      expect(body, url).not.toContain('<b onmouseover');
      expect(body, url).not.toContain('<i>1</i>');
    }
    expect((await get('/')).body).toContain('&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;@evil.example');
    expect((await get(page(HOSTILE))).body).toContain('&lt;img src=x onerror=alert(2)&gt;');
    expect((await get(page('x@evil.example'))).body).toContain('&lt;b onmouseover=alert(3)&gt;bad&lt;/b&gt;');
  });
});

describe('mailbox page', () => {
  it('shows a quarantined item; retry requeues its payload on the changes queue and says so', async () => {
    const job = changeJob(ALICE, 'Quarterly review');
    const entry = await f.state.quarantine.quarantine({
      mailbox: ALICE, objectType: 'appointment', side: 'exchange', sourceId: job.exchange!.itemId, errorCode: 'CRM_REJECTED', reason: 'subject too long', payload: job,
    });
    const before = (await get(page(ALICE))).body;
    expect(before).toContain(`data-quarantine="${entry.id}"`);
    expect(before).toContain('CRM_REJECTED');
    expect(before).toContain('subject too long');
    const action = `${page(ALICE)}/quarantine/${entry.id}/retry`;
    expect(before).toContain(`action="${action}"`);

    const retried = await post(action);
    expect(retried.statusCode).toBe(303);
    expect(retried.headers.location).toBe(`${page(ALICE)}?flash=retried`);
    const requeued = await f.queues.changes.queue.getJob(`${observedChangeJobId(job)}-r1`);
    expect(requeued?.data).toMatchObject({ mailbox: ALICE, item: { subject: 'Quarterly review' } });

    const after = (await get(retried.headers.location as string)).body;
    expect(after).toContain('data-flash="retried"');
    expect(after).not.toContain(`data-quarantine="${entry.id}"`);
    expect((await post(action)).headers.location).toBe(`${page(ALICE)}?flash=retry-gone`);
    expect(await f.queues.changes.queue.count()).toBe(1);
  });

  it('keeps an item whose payload is not a change job quarantined and explains why', async () => {
    const entry = await f.state.quarantine.quarantine({ mailbox: ALICE, objectType: 'task', side: 'crm', sourceId: '42', errorCode: 'EXCHANGE_WRITE_FAILED', reason: 'x', payload: { target: 'exchange' } });
    const response = await f.app.inject({ method: 'POST', url: `/api${page(ALICE)}/quarantine/${entry.id}/retry`, headers: { authorization: basic() } });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ outcome: 'retry-invalid' });
    expect((await f.state.quarantine.listQuarantine(ALICE)).some((q) => q.id === entry.id)).toBe(true);
    expect((await post(`${page(BOB)}/quarantine/${entry.id}/retry`)).headers.location).toBe(`${page(BOB)}?flash=retry-gone`);
  });

  it('shows conflicts with base, both versions, policy and winner, and marks them resolved', async () => {
    const linkId = await linkFor(f.state, ALICE);
    const conflict = await f.state.conflicts.recordConflict({
      linkId, field: 'location', baseValue: 'Room 1', exchangeValue: 'Room 2 (Exchange)', crmValue: { site: 'HQ & Co' }, policy: 'crm-wins', winner: 'crm',
    });
    const body = (await get(page(ALICE))).body;
    const row = body.slice(body.indexOf(`data-conflict="${conflict.id}"`)).split('</tr>')[0]!;
    for (const text of ['location', 'Room 1', 'Room 2 (Exchange)', '&quot;site&quot;: &quot;HQ &amp; Co&quot;', 'crm-wins', '<strong>crm</strong>']) expect(row).toContain(text);
    const api = (await get(`/api${page(ALICE)}`)).json<{ conflicts: Array<{ id: string; baseValue: unknown; exchangeValue: unknown; crmValue: unknown }> }>();
    expect(api.conflicts.find((c) => c.id === conflict.id)).toMatchObject({ baseValue: 'Room 1', exchangeValue: 'Room 2 (Exchange)', crmValue: { site: 'HQ & Co' } });

    const resolved = await post(`${page(ALICE)}/conflicts/${conflict.id}/resolve`);
    expect(resolved.headers.location).toBe(`${page(ALICE)}?flash=resolved`);
    expect((await get(page(ALICE))).body).not.toContain(`data-conflict="${conflict.id}"`);
    expect(await f.state.conflicts.listConflicts(ALICE)).toEqual([]);
  });

  it('shows the last cycle per type and recent errors by code', async () => {
    const body = (await get(page(BOB))).body;
    expect(body).toContain('<td><code>EWS_UNREACHABLE</code></td><td class="n">5</td>');
    const alice = (await get(page(ALICE))).body;
    expect(alice).toMatch(/<tr data-type="appointment"><td>appointment<\/td>.*<td class="n">7<\/td>/s);
  });
});

describe('sync now', () => {
  it('asks for a poll now of every enabled object type on every side its rule reads', async () => {
    const response = await post(`${page(ALICE)}/sync-now?back=overview`);
    expect(response.headers.location).toBe('/?flash=sync-requested');
    const exchange = await f.queues.pollExchange.queue.getJobs(['waiting']);
    const crm = await f.queues.pollCrm.queue.getJobs(['waiting']);
    expect(exchange.map((j) => j.data.objectType).sort()).toEqual(['absence', 'appointment', 'contact', 'email', 'task']);
    expect(crm.map((j) => j.data.objectType).sort()).toEqual(['absence', 'appointment', 'contact', 'task']);
    expect([...exchange, ...crm].every((j) => j.data.mailbox === ALICE && j.data.reason === 'sync-now' && j.data.crmUser === 'alice')).toBe(true);

    const bob = await f.app.inject({ method: 'POST', url: `/api${page(BOB)}/sync-now`, headers: { authorization: basic() } });
    expect(bob.statusCode).toBe(202);
    expect(bob.json()).toMatchObject({ outcome: 'sync-requested', polls: [{ objectType: 'email', side: 'exchange' }] });
    expect(await f.queues.pollCrm.queue.count()).toBe(4);
    expect(await f.queues.pollExchange.queue.count()).toBe(6);
  });

  it('refuses unknown and disabled mailboxes', async () => {
    expect((await post(`${page(DROPPED)}/sync-now`)).headers.location).toBe(`${page(DROPPED)}?flash=sync-unknown`);
    await f.state.mailboxes.setEnabled(HOSTILE, false);
    expect((await post(`${page(HOSTILE)}/sync-now`)).headers.location).toBe(`${page(HOSTILE)}?flash=sync-disabled`);
  });
});

describe('queue view', () => {
  it('serves bull-board listing every queue of the pipeline', async () => {
    const ui = await get('/queues');
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
    const api = await get('/queues/api/queues');
    expect(api.statusCode).toBe(200);
    const names = api.json<{ queues: Array<{ name: string }> }>().queues.map((q) => q.name);
    expect(names.sort()).toEqual([...QUEUE_NAMES].sort());
  });
});
