import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveEntryPoint } from '@connector/launcher';
import { freePort, isolatedRedis, resolveDatabaseUrl, type IsolatedRedis } from '@connector/testing';
import { crmAdminClient } from '../clients/crm-admin.client.js';
import { exchangeSimClient } from '../clients/exchange-sim.client.js';
import { until } from '../harness/until.js';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const DEMO_MAILBOXES = ['alice@demo.example', 'bob@demo.example', 'carla@demo.example'];
const READY_LINE = 'Running. Ctrl-C stops every process.';
const RUN_TIMEOUT_MS = 420_000;

interface SideCounts { created: number; updated: number; deleted: number }
interface DemoStatus {
  urls: Record<string, string>;
  adminKeys: { exchangeSim: string; crmInterface: string; dashboard: string };
  dashboard: { url: string; user: string; password: string };
  mailboxes: string[];
  summary: Record<string, Record<string, { exchange: SideCounts; crm: SideCounts }>>;
  pids: Record<string, number>;
}

interface DemoRun { child: ChildProcess; output: () => string; exited: Promise<number | null>; status: DemoStatus }

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sum = (counts: SideCounts) => counts.created + counts.updated + counts.deleted;

// The demo command as a user runs it, with no config file: only its data directory, ports,
// database names and Redis prefix are this test's own, so a real demo or another run is never touched.
describe('the demo command', () => {
  const unique = randomBytes(4).toString('hex');
  const dataDir = mkdtempSync(join(tmpdir(), 'connector-demo-test-'));
  const names = { links: `t_demo_links_${unique}`, crm: `t_demo_crm_${unique}` };
  const runs: DemoRun[] = [];
  let env: NodeJS.ProcessEnv;
  let redis: IsolatedRedis | undefined;
  let firstRun: { crmChangeSeq: string } | undefined;

  async function startDemo(): Promise<DemoRun> {
    redis ??= await isolatedRedis('demo');
    env ??= {
      ...process.env,
      DATABASE_URL: await resolveDatabaseUrl(),
      REDIS_URL: redis.url,
      DEMO_DATA_DIR: dataDir,
      DEMO_DATABASE: names.links,
      DEMO_CRM_DATABASE: names.crm,
      DEMO_REDIS_PREFIX: redis.prefix,
      DEMO_EWS_PORT: String(await freePort()),
      DEMO_SYNCML_PORT: String(await freePort()),
      DEMO_DASHBOARD_PORT: String(await freePort()),
    };
    const entry = resolveEntryPoint(join(ROOT, 'packages', 'demo'), ROOT);
    const child = spawn(entry.command, entry.args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    let code: number | null | undefined;
    void exited.then((c) => (code = c));
    await until(() => {
      if (code !== undefined) throw new Error(`the demo exited with code ${code} before it was ready:\n${text}`);
      return text.includes(READY_LINE);
    }, 'the demo summary', { timeoutMs: RUN_TIMEOUT_MS, intervalMs: 250 });
    const status = JSON.parse(readFileSync(join(dataDir, 'run', 'demo.json'), 'utf8')) as DemoStatus;
    const run = { child, output: () => text, exited, status };
    runs.push(run);
    return run;
  }

  /** `twice`: a terminal's Ctrl-C under `pnpm demo` arrives twice (the process group, and pnpm forwarding it). */
  async function interruptAndCheck(run: DemoRun, twice = false): Promise<void> {
    const pids = Object.values(run.status.pids);
    expect(pids).toHaveLength(9);
    expect(pids.every(alive)).toBe(true);
    run.child.kill('SIGINT');
    if (twice) run.child.kill('SIGINT');
    expect(await run.exited, run.output()).toBe(0);
    expect(run.output()).toContain('Stopped.');
    expect(pids.filter(alive)).toEqual([]);
    expect(existsSync(join(dataDir, 'run', 'demo.json'))).toBe(false);
  }

  afterAll(async () => {
    for (const run of runs) if (run.child.exitCode === null) run.child.kill('SIGKILL');
    for (const pid of runs.flatMap((r) => Object.values(r.status.pids))) if (alive(pid)) process.kill(pid, 'SIGKILL');
    const admin = new pg.Client({ connectionString: await resolveDatabaseUrl() });
    await admin.connect();
    for (const name of [names.links, names.crm]) {
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
    }
    await admin.end();
    await redis?.cleanup();
    rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);

  it('starts everything with no config, syncs the three demo mailboxes, prints what it wrote, and stops every process on SIGINT', async () => {
    const run = await startDemo();
    const { status } = run;
    expect(run.output()).toContain('first run');
    expect(run.output()).toContain(`login: admin / ${status.dashboard.password}`);
    expect(status.urls.ews).toBe(`http://127.0.0.1:${env.DEMO_EWS_PORT}/EWS/Exchange.asmx`);
    expect(status.urls.syncml).toBe(`http://127.0.0.1:${env.DEMO_SYNCML_PORT}/syncml`);
    expect(status.dashboard.url).toBe(`http://127.0.0.1:${env.DEMO_DASHBOARD_PORT}`);
    expect([...status.mailboxes].sort()).toEqual(DEMO_MAILBOXES);

    // The dashboard takes the printed login, and only that.
    const basic = (password: string) => ({ authorization: `Basic ${Buffer.from(`admin:${password}`).toString('base64')}` });
    const page = await fetch(`${status.dashboard.url}/`, { headers: basic(status.dashboard.password) });
    expect(page.status, `${await page.text()}\n${readFileSync(join(dataDir, 'run', 'logs', 'dashboard.log'), 'utf8').split('\n').slice(-5).join('\n')}`).toBeLessThan(400);
    expect((await fetch(`${status.dashboard.url}/`, { headers: basic('wrong') })).status).toBe(401);

    // Exchange: the simulator counts this run's EWS writes per mailbox. Folders the connector
    // created (its CRM folders) are not in the summary; updates also include the marks the
    // connector puts on items it filed or linked into the CRM, so they are at least the summary's.
    const exchange = exchangeSimClient(status.urls['exchange-sim']!, status.adminKeys.exchangeSim);
    const stats = await exchange.stats();
    const log = await exchange.log({ operation: 'CreateFolder' });
    let exchangeTotal = 0;
    for (const mailbox of DEMO_MAILBOXES) {
      const types = Object.values(status.summary[mailbox] ?? {});
      const total = (side: 'exchange' | 'crm', kind: keyof SideCounts) => types.reduce((n, t) => n + t[side][kind], 0);
      const written = stats.writes[mailbox] ?? { creates: 0, updates: 0, deletes: 0 };
      const folders = log.filter((e) => e.mailbox === mailbox && e.responseCode === 'NoError').length;
      expect({ mailbox, created: total('exchange', 'created'), deleted: total('exchange', 'deleted') })
        .toEqual({ mailbox, created: written.creates - folders, deleted: written.deletes });
      expect(written.updates).toBeGreaterThanOrEqual(total('exchange', 'updated'));
      exchangeTotal += types.reduce((n, t) => n + sum(t.exchange), 0);
    }
    expect(exchangeTotal).toBeGreaterThan(0);
    // Alice's CRM contacts are in her contacts folder, as many as the summary says were created.
    const contacts = (await exchange.folders('alice@demo.example')).find((f) => f.displayName === 'CRM' && f.folderClass === 'IPF.Contact');
    expect(contacts?.totalCount).toBe(status.summary['alice@demo.example']?.contact?.exchange.created);

    // The CRM: the demo CRM has no e-mails, so every e-mail activity is one the summary says was filed.
    const crm = crmAdminClient(status.urls['crm-interface']!, status.adminKeys.crmInterface);
    const filed = DEMO_MAILBOXES.reduce((n, m) => n + (status.summary[m]?.email?.crm.created ?? 0), 0);
    expect(filed).toBeGreaterThan(0);
    expect(await crm.activities.listAll({ kind: 'email' })).toHaveLength(filed);
    firstRun = { crmChangeSeq: (await crm.stats()).changeSeq };
    await interruptAndCheck(run);
  }, RUN_TIMEOUT_MS + 60_000);

  it('a second run continues from the first one: same data, keys and login, and its first cycle writes nothing', async () => {
    expect(firstRun).toBeDefined();
    const run = await startDemo();
    const { status } = run;
    expect(run.output()).toContain('continuing the previous run');
    expect(run.output()).toContain('no changes: both sides were already in sync');
    expect(Object.values(status.summary).flatMap((byType) => Object.values(byType))).toEqual([]);
    const exchange = exchangeSimClient(status.urls['exchange-sim']!, status.adminKeys.exchangeSim);
    expect((await exchange.stats()).totalWrites).toEqual({ creates: 0, updates: 0, deletes: 0 });
    const crm = crmAdminClient(status.urls['crm-interface']!, status.adminKeys.crmInterface);
    expect((await crm.stats()).changeSeq).toBe(firstRun!.crmChangeSeq);
    await interruptAndCheck(run, true);
  }, RUN_TIMEOUT_MS + 60_000);
});
