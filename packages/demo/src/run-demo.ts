import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CycleRunner } from '@connector/e2e';
import { PIPELINE_SERVICES, startSystem, type ChildExit, type ProcessName, type RunningSystem, type StopReport } from '@connector/launcher';
import type { DemoOptions } from './demo.config.js';
import { databaseUrl, demoSecrets, ensureDatabases, portIfFree } from './demo-infra.js';
import { formatSummary, historyWatermark, quarantinedSince, summarizeSince, totalWrites, type RunSummary } from './summary.js';

export const DASHBOARD_USER = 'admin';

/** Written to `<dataDir>/run/demo.json` while the demo runs (mode 0600: it holds the admin keys). */
export interface DemoStatus {
  pid: number;
  urls: RunningSystem['urls'];
  adminKeys: RunningSystem['adminKeys'];
  dashboard: { url: string; user: string; password: string };
  mailboxes: string[];
  summary: RunSummary;
  /** Items quarantined during this run. */
  quarantined: { mailbox: string; objectType: string; reason: string }[];
  /** Every child process of this run. */
  pids: Partial<Record<ProcessName, number>>;
}

export interface RunningDemo {
  system: RunningSystem;
  status: DemoStatus;
  stop(): Promise<StopReport>;
}

type Print = (line: string) => void;

async function choosePorts(options: DemoOptions, print: Print): Promise<Partial<Record<ProcessName, number>>> {
  const wanted: [ProcessName, number][] = [['exchange-sim', options.ports.ews], ['crm-interface', options.ports.syncml], ['dashboard', options.ports.dashboard]];
  const ports: Partial<Record<ProcessName, number>> = {};
  for (const [name, port] of wanted) {
    if (port === 0) continue;
    if (await portIfFree(port)) ports[name] = port;
    else print(`  port ${port} (${name}) is taken: using a free port instead`);
  }
  return ports;
}

/**
 * Starts the demo system on the demo's data directory, databases and Redis prefix, runs the first
 * cycle for every synced mailbox and reports what it wrote. The caller decides when to stop.
 */
export async function startDemo(options: DemoOptions, print: Print = (line) => process.stdout.write(`${line}\n`)): Promise<RunningDemo> {
  const started = Date.now();
  mkdirSync(options.dataDir, { recursive: true });
  const linkStoreUrl = databaseUrl(options.postgresUrl, options.linkDatabase);
  const crmUrl = databaseUrl(options.postgresUrl, options.crmDatabase);
  const created = await ensureDatabases(options.postgresUrl, [options.linkDatabase, options.crmDatabase]);
  const secrets = demoSecrets(options.dataDir);
  print(`CRM ⇄ Exchange connector demo (${secrets.fresh ? 'first run' : 'continuing the previous run'})`);
  print(`  data directory  ${options.dataDir}`);
  print(`  PostgreSQL      ${options.linkDatabase} (link store), ${options.crmDatabase} (CRM)${created.length ? `; created ${created.join(', ')}` : ''}`);
  print(`  Redis           ${options.redisUrl}, prefix ${options.redisPrefix}`);
  const ports = await choosePorts(options, print);
  const watermark = await historyWatermark(linkStoreUrl);
  const services = [...PIPELINE_SERVICES, 'dashboard'] as const;
  print(`Starting exchange-sim, crm-interface, ${services.join(', ')}…`);

  let stopping = false;
  const system = await startSystem({
    rootDir: options.rootDir,
    runDir: join(options.dataDir, 'run'),
    keepRunDir: true,
    redis: { url: options.redisUrl, prefix: options.redisPrefix },
    databaseUrl: linkStoreUrl,
    exchangeSim: { demo: true, dataDir: join(options.dataDir, 'exchange-sim') },
    crmInterface: { databaseUrl: crmUrl, demo: true },
    services,
    ports,
    tokenKeys: secrets.tokenKeys,
    dashboardPassword: secrets.dashboardPassword,
    detached: true,
    startTimeoutMs: options.cycleTimeoutMs,
    onUnexpectedExit: (exit: ChildExit) => {
      if (!stopping) print(`! ${exit.name} (pid ${exit.pid}) exited on its own (code ${exit.code}, signal ${exit.signal}); its log: ${join(options.dataDir, 'run', 'logs', `${exit.name}.log`)}`);
    },
  });
  const cycles = new CycleRunner(system);
  const statusFile = join(options.dataDir, 'run', 'demo.json');
  const stop = async () => {
    stopping = true;
    await cycles.close();
    const report = await system.stop();
    rmSync(statusFile, { force: true });
    return report;
  };
  try {
    print(`  all ${system.services.size} processes ready after ${((Date.now() - started) / 1000).toFixed(1)} s; running the first cycle…`);
    // The scheduler polls everyone once at start; "sync now" then runs one complete cycle on top.
    await cycles.drain({ timeoutMs: options.cycleTimeoutMs });
    const mailboxes = ((await (await fetch(`${system.urls.scheduler}/mailboxes`)).json()) as { mailboxes: { smtp: string }[] }).mailboxes.map((m) => m.smtp);
    const cycle = await cycles.runCycle({}, { allowFailures: true, timeoutMs: options.cycleTimeoutMs });
    const summary = await summarizeSince(linkStoreUrl, watermark, new Date(started), mailboxes);
    const quarantined = await quarantinedSince(linkStoreUrl, new Date(started));
    const dashboardUrl = system.urls.dashboard!;
    const status: DemoStatus = {
      pid: process.pid, urls: system.urls, adminKeys: system.adminKeys, mailboxes, summary, quarantined,
      dashboard: { url: dashboardUrl, user: DASHBOARD_USER, password: secrets.dashboardPassword },
      pids: Object.fromEntries([...system.services].map(([name, s]) => [name, s.pid])),
    };
    writeFileSync(statusFile, `${JSON.stringify(status, null, 2)}\n`, { mode: 0o600 });

    print('');
    print(`Synced mailboxes: ${mailboxes.join(', ') || 'none (see the scheduler log)'}`);
    print(`First cycle done ${((Date.now() - started) / 1000).toFixed(1)} s after the start. Written by this run:`);
    print(totalWrites(summary) === 0 ? '  no changes: both sides were already in sync' : formatSummary(summary));
    for (const q of quarantined) print(`  ! quarantined (${q.mailbox}, ${q.objectType}): ${q.reason.slice(0, 160)}`);
    for (const [queue, jobs] of Object.entries(cycle.failed)) print(`  ! ${jobs.length} job(s) failed on ${queue}: ${jobs[0]?.reason ?? ''}`);
    print('');
    print(`  Exchange (EWS)  ${system.urls.ews}`);
    print(`  CRM (SyncML)    ${system.urls.syncml}`);
    print(`  Dashboard       ${dashboardUrl}   login: ${DASHBOARD_USER} / ${secrets.dashboardPassword}`);
    print(`  Logs            ${join(system.runDir, 'logs')}`);
    print('Running. Ctrl-C stops every process.');
    return { system, status, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
