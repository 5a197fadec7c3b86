import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { E2E_HOOK_TIMEOUT_MS, startE2eSystem, type E2eSystem } from '../harness/e2e-system.js';
import { assertQuietCycle } from '../harness/quiet-cycle.js';
import { crmWritesSince } from '../harness/crm-writes.js';
import { createCalendarItemViaEws } from './ews-request.test-support.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const ANN = 'ann@e2e.example';

// The harness itself, with the two simulators only (no pipeline service).
describe('e2e harness on the two simulators', () => {
  let e2e: E2eSystem;
  let closed = false;

  beforeAll(async () => {
    e2e = await startE2eSystem({
      label: 'harness',
      services: [],
      mailboxes: [{ smtp: ANN, crmUser: 'ann', displayName: 'Ann Archer', salesGroup: 'North' }],
      launcher: { logLevel: 'warn' },
      seed: async ({ exchange }) => void (await exchange.createFolder(ANN, { parent: 'inbox', displayName: 'CRM' })),
    });
  }, E2E_HOOK_TIMEOUT_MS);
  afterAll(async () => {
    if (e2e && !closed) await e2e.close();
  }, E2E_HOOK_TIMEOUT_MS);

  it('created the service account with the impersonation right, the mailbox and the CRM user, and wrote them into the config', async () => {
    const mailboxes = await e2e.exchange.mailboxes();
    expect(mailboxes.find((m) => m.smtp === e2e.serviceAccount.username)).toMatchObject({ canImpersonate: true });
    expect(mailboxes.find((m) => m.smtp === ANN)).toMatchObject({ displayName: 'Ann Archer', canImpersonate: false });
    expect(await e2e.crm.users.list()).toContainEqual(expect.objectContaining({ login: 'ann', email: ANN, syncEnabled: true }));
    const config = parse(readFileSync(e2e.system.configPath, 'utf8')) as Record<string, Record<string, unknown>>;
    expect(config.mailboxes!.list).toEqual([{ crmUser: 'ann', smtp: ANN }]);
    expect(config.redis).toEqual({ url: e2e.system.redisUrl, prefix: e2e.system.redisPrefix });
    expect(config.database!.url).toBe(e2e.system.databaseUrl);
    expect(e2e.system.crmDatabaseUrl).not.toBe(e2e.system.databaseUrl);
  });

  it('seeds Exchange items, reads them back and acts as the user without counting EWS writes', async () => {
    const [appointment, mail] = await e2e.exchange.seedItems(ANN, [
      { kind: 'calendar', fields: { Subject: 'Kick-off', Start: '2026-12-02T09:00:00Z', End: '2026-12-02T10:00:00Z' } },
      { kind: 'message', fields: { Subject: 'Offer' } },
    ]);
    expect((await e2e.exchange.items(ANN, 'calendar')).map((i) => i.fields.Subject)).toContain('Kick-off');
    const edited = await e2e.exchange.asUser.update(appointment!.id, { fields: { Subject: 'Kick-off (moved)' } });
    expect(edited.changeKey).not.toBe(appointment!.changeKey);
    const moved = await e2e.exchange.asUser.move(mail!.id, 'inbox/CRM');
    expect((await e2e.exchange.items(ANN, 'inbox/CRM')).map((i) => i.id)).toEqual([moved.id]);
    await e2e.exchange.asUser.delete(moved.id);
    await expect(e2e.exchange.item(moved.id)).rejects.toMatchObject({ status: 404, code: 'ITEM_NOT_FOUND' });
    expect((await e2e.exchange.stats()).totalWrites).toEqual({ creates: 0, updates: 0, deletes: 0 });
  });

  it('seeds CRM records for a user, reads them back, edits and deletes as the user; every write moves the change sequence', async () => {
    const seq0 = BigInt(await e2e.crmChangeSeq());
    const ann = await e2e.crm.users.userId('ann');
    const company = await e2e.crm.companies.createOne({ name: 'Customer Corp', responsibleUserId: ann });
    const person = await e2e.crm.persons.createOne({
      firstName: 'Dana', lastName: 'Diaz', companyId: company, responsibleUserId: ann, emails: [{ address: 'dana@customer.example', kind: 'work' }],
    });
    const appointment = await e2e.crm.activities.createOne({
      kind: 'appointment', subject: 'Visit Dana', startAt: '2026-12-03T09:00:00Z', endAt: '2026-12-03T10:00:00Z', personId: person, responsibleUserId: ann,
    });
    const task = await e2e.crm.tasks.createOne({ subject: 'Send offer', dueDate: '2026-12-10', responsibleUserId: ann });
    const absence = await e2e.crm.absences.createOne({ type: 'vacation', startAt: '2026-12-20T00:00:00Z', endAt: '2026-12-24T00:00:00Z', responsibleUserId: ann });
    expect(await e2e.crm.persons.get(person)).toMatchObject({ firstName: 'Dana', companyId: company, companyName: 'Customer Corp' });
    expect(await e2e.crm.activities.get(appointment)).toMatchObject({ kind: 'appointment', subject: 'Visit Dana', startAt: '2026-12-03T09:00:00.000Z' });
    expect((await e2e.crm.activities.list({ kind: 'appointment', responsibleUserId: ann })).map((a) => a.id)).toEqual([appointment]);
    expect(await e2e.crm.tasks.get(task)).toMatchObject({ subject: 'Send offer', status: 'open' });
    expect(await e2e.crm.absences.get(absence)).toMatchObject({ type: 'vacation', responsibleUserId: ann });
    const stats = await e2e.crm.stats();
    expect(BigInt(stats.changeSeq) - seq0).toBeGreaterThanOrEqual(5n);
    expect(stats.counts).toMatchObject({ users: 1, companies: 1, persons: 1, activities: 1, tasks: 1, absences: 1 });
    const edited = await e2e.crm.tasks.update(task, { status: 'completed', percentComplete: 100 });
    expect(edited).toMatchObject({ changed: true, record: { status: 'completed', percentComplete: 100 } });
    expect(BigInt(edited.record.version)).toBeGreaterThan(BigInt(stats.changeSeq));
    await e2e.crm.absences.delete(absence, 'ann');
    await expect(e2e.crm.absences.get(absence)).rejects.toMatchObject({ status: 404 });
    const afterEdits = await e2e.crmChangeSeq();
    await expect(e2e.crm.tasks.createOne({ subject: '' })).rejects.toMatchObject({ status: 400 });
    await expect(e2e.crm.tasks.get('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ status: 404 });
    expect(await e2e.crmChangeSeq()).toBe(afterEdits);
  });

  it('assertQuietCycle passes on a cycle without writes and names the writes of a noisy one', async () => {
    const probe = { exchange: e2e.exchange, crmChangeSeq: e2e.crmChangeSeq, crmWritesSince: (seq: string) => crmWritesSince(e2e.crm, seq) };
    const noCycle = { runCycle: async () => ({ durationMs: 0, requested: 1, failed: {} }) };
    await assertQuietCycle(probe, noCycle);
    const noisy = {
      runCycle: async () => {
        await createCalendarItemViaEws(e2e.system.urls.ews, e2e.serviceAccount, ANN, 'Echo');
        await e2e.crm.tasks.createOne({ subject: 'Echo task' });
        return { durationMs: 0, requested: 1, failed: {} };
      },
    };
    const error = (await assertQuietCycle(probe, noisy, { mailbox: ANN }).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain(`"${ANN}":{"creates":1,"updates":0,"deletes":0}`);
    expect(error.message).toMatch(/CreateItem mailbox=ann@e2e\.example → NoError/);
    expect(error.message).toMatch(/CRM change sequence moved from \d+ to \d+\n {2}tasks [0-9a-f-]+ "Echo task" now at version \d+/);
  });

  it('kills CRM.interface with SIGKILL and restarts it; its data lives on in its database', async () => {
    const before = await e2e.crm.users.list();
    const pid = e2e.system.services.get('crm-interface')!.pid!;
    await e2e.system.kill('crm-interface');
    expect(alive(pid)).toBe(false);
    await expect(e2e.crm.users.list()).rejects.toThrow();
    await e2e.system.restart('crm-interface');
    expect(e2e.system.services.get('crm-interface')!.pid).not.toBe(pid);
    expect(await e2e.crm.users.list()).toEqual(before);
    expect(e2e.system.unexpectedExits()).toEqual([]);
  });

  it('stops cleanly: no child process remains, nothing exited on its own', async () => {
    const pids = [...e2e.system.services.values()].map((s) => s.pid!);
    expect(pids).toHaveLength(2);
    expect(pids.every(alive)).toBe(true);
    closed = true;
    const report = await e2e.close();
    expect(report).toMatchObject({ unexpectedExits: [], forced: [] });
    expect(pids.filter(alive)).toEqual([]);
  });
});
