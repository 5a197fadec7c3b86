import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '@connector/cli';
import { SECRET_ENV } from '@connector/launcher';
import { openPgState, type PgState } from '@connector/state';
import { isolatedRedis, type IsolatedRedis } from '@connector/testing';
import { E2E_HOOK_TIMEOUT_MS, E2E_TEST_TIMEOUT_MS, startE2eSystem, type E2eSystem } from '../harness/e2e-system.js';

const ANN = 'ann@e2e.example';

function at(days: number, hourUtc: number): string {
  const day = new Date(Date.now() + days * 86_400_000);
  day.setUTCHours(hourUtc, 0, 0, 0);
  return day.toISOString().replace('.000Z', 'Z');
}

interface SideCounts {
  create: number;
  update: number;
  delete: number;
}
interface TypePlan {
  mailbox: string;
  objectType: string;
  exchange: SideCounts;
  crm: SideCounts;
  skipped: number;
  error?: string;
  items?: { subject?: string; actions: string[] }[];
}

// The CLI against the whole system: `plan` must predict the next cycle and write nothing;
// `resync` must re-read both sides from scratch without creating anything twice.
describe('connector CLI against the running system', () => {
  let e2e: E2eSystem;
  let links: PgState;
  let probe: IsolatedRedis;

  /** `connector --config <the run's config>`, with the secrets the launcher hands its services. */
  const connector = async (...args: string[]) => {
    const env = { [SECRET_ENV.exchangePassword]: e2e.system.exchangeAccount.password, [SECRET_ENV.dashboardPassword]: e2e.system.adminKeys.dashboard };
    let stdout = '';
    let stderr = '';
    const code = await runCli(['--config', e2e.system.configPath, ...args], { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env, cwd: process.cwd() });
    return { code, stdout, stderr };
  };

  /** Everything `plan` must leave alone: EWS writes, the CRM change sequence, link rows, cursors. */
  const snapshot = async () => {
    const cursorKeys = (await probe.client.keys(`${e2e.system.redisPrefix}:cursor:*`)).sort();
    const cursors = await Promise.all(cursorKeys.map(async (key) => [key, await probe.client.hgetall(key)]));
    return {
      exchangeWrites: (await e2e.exchange.stats()).totalWrites,
      crmChangeSeq: await e2e.crmChangeSeq(),
      links: (await links.pool.query('SELECT * FROM sync.links ORDER BY id')).rows,
      cursors,
    };
  };

  const named = async (subject: string) => ({
    exchange: (await e2e.exchange.items(ANN, 'calendar')).filter((i) => i.fields.Subject === subject).length,
    crm: (await e2e.crm.activities.listAll({ responsibleUserId: await e2e.crm.users.userId('ann') })).filter((a) => a.subject === subject && !a.deletedByConnector).length,
  });

  beforeAll(async () => {
    e2e = await startE2eSystem({ label: 'cli', mailboxes: [{ smtp: ANN, crmUser: 'ann', displayName: 'Ann Archer' }] });
    links = await openPgState({ url: e2e.system.databaseUrl, migrate: false, poolSize: 2 });
    probe = await isolatedRedis('cli_probe');
  }, E2E_HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await links?.close();
    await probe?.cleanup();
    await e2e?.close();
  }, E2E_HOOK_TIMEOUT_MS);

  it('plan shows what the next cycle creates and updates on each side, writes nothing, and the cycle then does just that', async () => {
    const [linked] = await e2e.exchange.seedItems(ANN, [{ kind: 'calendar', fields: { Subject: 'P3 linked', Start: at(5, 9), End: at(5, 10) } }]);
    await e2e.runCycle({ mailbox: ANN, type: 'appointment' });
    await e2e.crm.activities.createOne({ kind: 'appointment', subject: 'P1 from the CRM', startAt: at(6, 9), endAt: at(6, 10), responsibleUserId: await e2e.crm.users.userId('ann') });
    await e2e.exchange.seedItems(ANN, [{ kind: 'calendar', fields: { Subject: 'P2 from Outlook', Start: at(7, 9), End: at(7, 10) } }]);
    await e2e.exchange.asUser.update(linked!.id, { fields: { Location: 'Room 7' } });

    const before = await snapshot();
    expect(before.cursors.map(([key]) => key)).toEqual(expect.arrayContaining([expect.stringContaining(':cursor:ews:'), expect.stringContaining(':cursor:syncml:')]));
    expect(before.links.length).toBeGreaterThan(0);
    const run = await connector('--json', 'plan', '--mailbox', ANN, '--type', 'appointment', '--verbose');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    const [plan, ...others] = (JSON.parse(run.stdout) as { dryRun: boolean; plans: TypePlan[] }).plans;
    expect(others).toEqual([]);
    expect(plan).toMatchObject({ mailbox: ANN, objectType: 'appointment', exchange: { create: 1, update: 0, delete: 0 }, crm: { create: 1, update: 1, delete: 0 } });
    expect(plan!.items!.find((i) => i.subject === 'P1 from the CRM')?.actions).toEqual(['CreateInExchange']);
    expect(plan!.items!.find((i) => i.subject === 'P2 from Outlook')?.actions).toEqual(['CreateInCrm']);
    const text = await connector('plan', '--mailbox', ANN, '--verbose');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/ann@e2e.example appointment: Exchange \+1 ~0 -0 \| CRM \+1 ~1 -0/);
    expect(text.stdout).toMatch(/crm upsert \S+ "P1 from the CRM" → CreateInExchange/);
    expect(await snapshot()).toEqual(before);

    // The dry run left every cursor where it was: the real cycle sees the same changes and does what plan said.
    await e2e.runCycle({ mailbox: ANN, type: 'appointment' });
    const after = await snapshot();
    expect(after.exchangeWrites.creates - before.exchangeWrites.creates).toBe(1);
    expect(await named('P1 from the CRM')).toEqual({ exchange: 1, crm: 1 });
    expect(await named('P2 from Outlook')).toEqual({ exchange: 1, crm: 1 });
    const p3 = (await e2e.crm.activities.listAll({ responsibleUserId: await e2e.crm.users.userId('ann') })).find((a) => a.subject === 'P3 linked');
    expect(p3).toMatchObject({ location: 'Room 7' });

    const quiet = JSON.parse((await connector('--json', 'plan', '--mailbox', ANN, '--type', 'appointment')).stdout) as { plans: TypePlan[] };
    expect(quiet.plans[0]).toMatchObject({ exchange: { create: 0, update: 0, delete: 0 }, crm: { create: 0, update: 0, delete: 0 } });
  }, E2E_TEST_TIMEOUT_MS);

  it('resync re-reads the mailbox from scratch and creates nothing twice', async () => {
    const linksBefore = (await links.pool.query('SELECT id FROM sync.links ORDER BY id')).rows;
    const resync = await connector('--json', 'resync', '--mailbox', ANN, '--wait', '--timeout', '110');
    expect(resync.code, resync.stdout + resync.stderr).toBe(0);
    expect(JSON.parse(resync.stdout)).toMatchObject({ mailbox: ANN, cursorsDeleted: true, drained: true });
    // The polls ran from nothing (a full EWS sync, a SyncML slow sync) and stored fresh cursors.
    expect(await probe.client.hlen(`${e2e.system.redisPrefix}:cursor:ews:${ANN}`)).toBeGreaterThan(0);
    expect(await probe.client.hlen(`${e2e.system.redisPrefix}:cursor:syncml:ann`)).toBeGreaterThan(0);
    for (const subject of ['P1 from the CRM', 'P2 from Outlook', 'P3 linked']) expect(await named(subject), subject).toEqual({ exchange: 1, crm: 1 });
    expect((await links.pool.query('SELECT id FROM sync.links ORDER BY id')).rows).toEqual(linksBefore);
    await e2e.assertQuietCycle({ mailbox: ANN });
  }, E2E_TEST_TIMEOUT_MS);
});
