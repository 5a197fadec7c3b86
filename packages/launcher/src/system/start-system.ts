import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateKeyPair } from '@connector/crm-token';
import { freePort } from '@connector/testing';
import { ManagedChild, type ChildExit } from '../child/managed-child.js';
import { waitUntilHealthy } from '../child/health-wait.js';
import { SECRET_ENV, writeRunConfig } from '../config/run-config.js';
import { LauncherError } from '../launcher.error.js';
import {
  PIPELINE_SERVICES, crmInterfacePlan, exchangeSimPlan, servicePlan,
  type CatalogContext, type ProcessName, type ProcessPlan,
} from './process-catalog.js';
import type { RunningSystem, ServiceHandle, StartSystemOptions, StopReport } from './system.types.js';

const DEFAULT_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const DEFAULT_ACCOUNT = { username: 'svc-connector@demo.example', password: 'svc-pass' };

interface Managed {
  plan: ProcessPlan;
  child: ManagedChild;
}

function secret(): string {
  return randomBytes(18).toString('base64url');
}

function writeTokenKeys(runDir: string): RunningSystem['tokenKeys'] {
  const keys = generateKeyPair();
  const dir = join(runDir, 'keys');
  mkdirSync(dir, { recursive: true });
  const privateKeyFile = join(dir, 'token-private.pem');
  const publicKeyFile = join(dir, 'token-public.pem');
  writeFileSync(privateKeyFile, keys.privateKeyPem, { mode: 0o600 });
  writeFileSync(publicKeyFile, keys.publicKeyPem);
  return { privateKeyFile, publicKeyFile };
}

function handleOf({ plan, child }: Managed): ServiceHandle {
  return {
    name: plan.name,
    url: plan.url,
    port: plan.port,
    from: plan.from,
    logFile: plan.child.logFile,
    get pid() { return child.pid; },
    get running() { return child.running; },
    get exits() { return child.exits; },
    lastLines: (count?: number) => child.lastLines(count),
  };
}

/**
 * Starts the simulators, writes the run's config and keys, then starts the pipeline services, each
 * as a child process on a free port, waiting for every one's `/ready`. A failure stops whatever
 * was started and throws with the failing child's last output.
 */
export async function startSystem(options: StartSystemOptions = {}): Promise<RunningSystem> {
  const rootDir = options.rootDir ?? DEFAULT_ROOT;
  const runDir = options.runDir ?? mkdtempSync(join(tmpdir(), 'connector-run-'));
  mkdirSync(runDir, { recursive: true });
  const ctx: CatalogContext = {
    rootDir, runDir, runFrom: options.runFrom ?? 'auto', host: options.host ?? '127.0.0.1',
    logLevel: options.logLevel ?? 'info', keepLines: options.keepLines ?? 200, env: options.env ?? {}, detached: options.detached ?? false,
  };
  const startTimeoutMs = options.startTimeoutMs ?? 60_000;
  const stopTimeoutMs = options.stopTimeoutMs ?? 10_000;
  const serviceNames = options.services ?? PIPELINE_SERVICES;
  const sim = options.exchangeSim === false ? undefined : (options.exchangeSim ?? {});
  const crm = options.crmInterface || undefined;
  if (serviceNames.length > 0 && !sim && !options.exchangeUrl) throw new LauncherError('INVALID_OPTIONS', 'no exchange-sim and no exchangeUrl');
  if (serviceNames.length > 0 && !crm && !options.crmUrl) throw new LauncherError('INVALID_OPTIONS', 'no crm-interface and no crmUrl');

  const managed = new Map<ProcessName, Managed>();
  const unexpected: ChildExit[] = [];
  const report = options.onUnexpectedExit ?? ((exit: ChildExit) =>
    process.stderr.write(`[launcher] ${exit.name} (pid ${exit.pid}) exited unexpectedly: code ${exit.code}, signal ${exit.signal}\n`));
  const onExit = () => { for (const { child } of managed.values()) child.killNow(); };
  process.once('exit', onExit);

  const spawnAll = (plans: ProcessPlan[]) => {
    for (const plan of plans) {
      const child = new ManagedChild(plan.child, (exit) => { unexpected.push(exit); report(exit); });
      managed.set(plan.name, { plan, child });
      child.start();
    }
  };
  const waitReady = (plans: ProcessPlan[]) =>
    Promise.all(plans.map((plan) => waitUntilHealthy(managed.get(plan.name)!.child, plan.healthUrl, { timeoutMs: startTimeoutMs })));

  const stop = async (failed = false): Promise<StopReport> => {
    const forced: ProcessName[] = [];
    const stopAll = (names: ProcessName[]) => Promise.all(names.map(async (name) => {
      const entry = managed.get(name);
      if (!entry) return;
      if ((await entry.child.stop(stopTimeoutMs)).forced) forced.push(name);
      await entry.child.closeLog();
    }));
    await stopAll([...managed.keys()].filter((n) => n !== 'exchange-sim' && n !== 'crm-interface'));
    await stopAll(['exchange-sim', 'crm-interface']);
    process.removeListener('exit', onExit);
    const keep = failed || Boolean(options.keepRunDir) || unexpected.length > 0 || forced.length > 0;
    if (!keep) rmSync(runDir, { recursive: true, force: true });
    return { unexpectedExits: [...unexpected], forced, runDir, runDirKept: keep };
  };

  try {
    const portOf = (name: ProcessName) => options.ports?.[name] ?? freePort();
    const [simPort, crmPort, ...servicePorts] = await Promise.all([portOf('exchange-sim'), portOf('crm-interface'), ...serviceNames.map(portOf)]);
    const tokenKeys = options.tokenKeys ?? writeTokenKeys(runDir);
    const adminKeys = { exchangeSim: sim?.adminKey ?? secret(), crmInterface: crm?.adminKey ?? secret(), dashboard: options.dashboardPassword ?? secret() };
    const simPlans: ProcessPlan[] = [];
    if (sim) {
      const dataDir = sim.dataDir ?? (sim.persist ? join(runDir, 'exchange-data') : undefined);
      simPlans.push(exchangeSimPlan(simPort!, { adminKey: adminKeys.exchangeSim, demo: Boolean(sim.demo), dataDir, auth: sim.auth }, ctx));
    }
    if (crm) {
      simPlans.push(crmInterfacePlan(crmPort!, {
        adminKey: adminKeys.crmInterface, databaseUrl: crm.databaseUrl, demo: Boolean(crm.demo), tokenPublicKeyFile: tokenKeys.publicKeyFile,
      }, ctx));
    }

    const urlOf = (name: ProcessName) => simPlans.find((p) => p.name === name)?.url;
    const exchangeAccount = options.exchangeAccount ?? DEFAULT_ACCOUNT;
    const redis = options.redis ?? { url: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', prefix: 'connector' };
    const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/connector';
    const ews = sim ? `${urlOf('exchange-sim')}/EWS/Exchange.asmx` : options.exchangeUrl;
    const syncml = crm ? `${urlOf('crm-interface')}/syncml` : options.crmUrl;
    const secretsEnv = { [SECRET_ENV.exchangePassword]: exchangeAccount.password, [SECRET_ENV.dashboardPassword]: adminKeys.dashboard };
    const configPath = join(runDir, 'connector.yaml');
    writeRunConfig(options.baseConfigPath ?? join(rootDir, 'config', 'connector.example.yaml'), {
      ewsUrl: ews, syncmlUrl: syncml, redisUrl: redis.url, redisPrefix: redis.prefix, databaseUrl, logLevel: ctx.logLevel,
      exchangeUsername: exchangeAccount.username, tokenPrivateKeyFile: tokenKeys.privateKeyFile,
      mailboxes: options.mailboxes, overrides: options.configOverrides,
    }, configPath, secretsEnv, runDir);
    // Workers only act on jobs, and no job exists before the scheduler runs: they load their code
    // while the simulators start and get seeded. The scheduler reads the CRM directory as soon as
    // it runs, so it starts once the seeding is done (jobs it asks for wait in their queues until
    // the workers are ready).
    const servicePlans = serviceNames.map((name, i) => servicePlan(name, servicePorts[i]!, { configPath, env: secretsEnv }, ctx));
    const [triggers, workers] = [servicePlans.filter((p) => p.name === 'scheduler'), servicePlans.filter((p) => p.name !== 'scheduler')];
    spawnAll([...simPlans, ...workers]);
    const workersReady = waitReady(workers);
    workersReady.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
    await waitReady(simPlans);

    const services = new Map<ProcessName, ServiceHandle>();
    const system: RunningSystem = {
      runDir, configPath, redisUrl: redis.url, redisPrefix: redis.prefix, databaseUrl, crmDatabaseUrl: crm?.databaseUrl,
      urls: { ews: ews ?? '', syncml: syncml ?? '' }, ports: {}, adminKeys, exchangeAccount, tokenKeys, services,
      unexpectedExits: () => [...unexpected],
      async restart(name) {
        const entry = managed.get(name);
        if (!entry) throw new LauncherError('UNKNOWN_PROCESS', `${name} is not part of this system`);
        if (entry.child.running) await entry.child.stop(stopTimeoutMs);
        entry.child.start();
        await waitUntilHealthy(entry.child, entry.plan.healthUrl, { timeoutMs: startTimeoutMs });
      },
      async kill(name, signal = 'SIGKILL') {
        const entry = managed.get(name);
        if (!entry) throw new LauncherError('UNKNOWN_PROCESS', `${name} is not part of this system`);
        return entry.child.kill(signal);
      },
      stop: () => stop(),
    };
    const register = () => {
      for (const entry of managed.values()) {
        services.set(entry.plan.name, handleOf(entry));
        system.urls[entry.plan.name] = entry.plan.url;
        system.ports[entry.plan.name] = entry.plan.port;
      }
    };
    register();
    await options.beforeServices?.(system);
    spawnAll(triggers);
    await Promise.all([workersReady, waitReady(triggers)]);
    register();
    return system;
  } catch (error) {
    await stop(true);
    if (error instanceof Error) error.message += `\n(run directory kept: ${runDir})`;
    throw error;
  }
}
