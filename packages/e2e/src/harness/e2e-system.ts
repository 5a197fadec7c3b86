import { randomBytes } from 'node:crypto';
import { PIPELINE_SERVICES, startSystem, type ConnectorService, type ExchangeSimOptions, type RunningSystem, type StartSystemOptions, type StopReport } from '@connector/launcher';
import { isolatedDatabase, isolatedRedis } from '@connector/testing';
import { crmAdminClient, type CrmAdminClient } from '../clients/crm-admin.client.js';
import { exchangeSimClient, type ExchangeSimClient } from '../clients/exchange-sim.client.js';
import { CycleRunner, type CycleOptions, type CycleResult, type CycleTarget } from './cycle-runner.js';
import { assertQuietCycle } from './quiet-cycle.js';
import { crmWritesSince } from './crm-writes.js';

/** A user who exists on both sides: an Exchange mailbox and a CRM user enabled for sync. */
export interface E2eMailbox {
  smtp: string;
  /** CRM login; default the SMTP address. */
  crmUser?: string;
  /** Mailbox password; default a random one. */
  password?: string;
  displayName?: string;
  /** Mailbox locale, e.g. "de-DE" (localized folder names). */
  locale?: string;
  salesGroup?: string;
}

export interface E2eClients {
  exchange: ExchangeSimClient;
  crm: CrmAdminClient;
}

export interface E2eOptions {
  /** Names the Redis prefix and the databases of this test file. */
  label?: string;
  /** Created in the simulator and in the CRM, and listed in the run's config. */
  mailboxes?: E2eMailbox[];
  /** Connector services to run; default the six pipeline services. `[]` runs the simulators alone. */
  services?: readonly ConnectorService[];
  exchangeSim?: ExchangeSimOptions;
  /** Seed CRM.interface's demo data. */
  crmDemo?: boolean;
  configOverrides?: Record<string, unknown>;
  /** More seeding once mailboxes and users exist, before any pipeline service starts. */
  seed?: (clients: E2eClients) => Promise<void>;
  /** Anything else for the launcher (log level, timeouts, run directory…). */
  launcher?: Partial<StartSystemOptions>;
}

export interface E2eSystem extends E2eClients {
  system: RunningSystem;
  cycles: CycleRunner;
  serviceAccount: { username: string; password: string };
  /** The mailboxes as created (defaults filled in). */
  mailboxes: (E2eMailbox & Required<Pick<E2eMailbox, 'crmUser' | 'password'>>)[];
  /** "Sync now" + wait until the queues drain (delayed polls excepted). */
  runCycle(target?: CycleTarget, options?: CycleOptions): Promise<CycleResult>;
  /** One more cycle that must write nothing on either side. */
  assertQuietCycle(target?: CycleTarget, options?: CycleOptions): Promise<void>;
  /** The CRM's change sequence watermark. */
  crmChangeSeq(): Promise<string>;
  /** Stops everything, drops the databases and the Redis keys; throws if a child died on its own. */
  close(): Promise<StopReport>;
}

const SERVICE_ACCOUNT = 'svc-connector@e2e.example';

/**
 * For `beforeAll`/`afterAll` of e2e files: starting every service from sources on a busy
 * two-core machine takes tens of seconds, beyond vitest's default hook timeout.
 */
export const E2E_HOOK_TIMEOUT_MS = 180_000;
/** For an `it` that runs cycles: a cycle on a loaded machine can outlast vitest's default 30 s. */
export const E2E_TEST_TIMEOUT_MS = 120_000;

/**
 * One isolated system for one test file: its own Redis prefix, link-store database and CRM
 * database, simulators and services on free ports. Mailboxes, the service account (with the
 * impersonation right) and CRM users exist before the pipeline starts; the start-up cycle has
 * drained when this resolves.
 */
export async function startE2eSystem(options: E2eOptions = {}): Promise<E2eSystem> {
  const label = options.label ?? 'e2e';
  const services = options.services ?? PIPELINE_SERVICES;
  const [redis, links, crmDb] = await Promise.all([isolatedRedis(label), isolatedDatabase(`${label}_links`), isolatedDatabase(`${label}_crm`)]);
  const serviceAccount = { username: SERVICE_ACCOUNT, password: randomBytes(12).toString('base64url') };
  const mailboxes = (options.mailboxes ?? []).map((m) => ({ ...m, smtp: m.smtp.toLowerCase(), crmUser: m.crmUser ?? m.smtp.toLowerCase(), password: m.password ?? randomBytes(9).toString('base64url') }));
  let clients: E2eClients | undefined;
  const release = async () => {
    await redis.cleanup();
    await Promise.all([links.drop(), crmDb.drop()]);
  };

  let system: RunningSystem;
  try {
    system = await startSystem({
      logLevel: 'info',
      ...options.launcher,
      redis: { url: redis.url, prefix: redis.prefix },
      databaseUrl: links.url,
      exchangeSim: options.exchangeSim ?? {},
      crmInterface: { databaseUrl: crmDb.url, demo: options.crmDemo },
      exchangeAccount: serviceAccount,
      services,
      mailboxes: mailboxes.map(({ crmUser, smtp }) => ({ crmUser, smtp })),
      configOverrides: options.configOverrides,
      beforeServices: async (running) => {
        clients = {
          exchange: exchangeSimClient(running.urls['exchange-sim']!, running.adminKeys.exchangeSim),
          crm: crmAdminClient(running.urls['crm-interface']!, running.adminKeys.crmInterface),
        };
        await seedAccounts(clients, serviceAccount, mailboxes);
        await options.seed?.(clients);
        await options.launcher?.beforeServices?.(running);
      },
    });
  } catch (error) {
    await release();
    throw error;
  }

  const cycles = new CycleRunner(system);
  const crmChangeSeq = async () => (await clients!.crm.stats()).changeSeq;
  const e2e: E2eSystem = {
    ...clients!,
    system,
    cycles,
    serviceAccount,
    mailboxes,
    crmChangeSeq,
    runCycle: (target, cycleOptions) => cycles.runCycle(target, cycleOptions),
    assertQuietCycle: (target, cycleOptions) =>
      assertQuietCycle({ exchange: clients!.exchange, crmChangeSeq, crmWritesSince: (seq) => crmWritesSince(clients!.crm, seq) }, cycles, target, cycleOptions),
    async close() {
      await cycles.close();
      const report = await system.stop();
      await release();
      if (report.unexpectedExits.length > 0) {
        const details = report.unexpectedExits.map((e) => `${e.name}: code ${e.code}, signal ${e.signal}\n${e.lastLines.slice(-30).map((l) => `  | ${l}`).join('\n')}`);
        throw new Error(`processes exited on their own during the run (logs in ${report.runDir}):\n${details.join('\n')}`);
      }
      return report;
    },
  };
  if (services.length > 0) {
    try {
      await cycles.drain();
    } catch (error) {
      await e2e.close().catch(() => undefined);
      throw error;
    }
  }
  return e2e;
}

async function seedAccounts(clients: E2eClients, account: { username: string; password: string }, mailboxes: E2eSystem['mailboxes']): Promise<void> {
  const existing = new Set((await clients.exchange.mailboxes()).map((m) => m.smtp));
  const accounts = [
    { smtp: account.username, password: account.password, displayName: 'Connector service account', canImpersonate: true },
    ...mailboxes.map((m) => ({ smtp: m.smtp, password: m.password, displayName: m.displayName, locale: m.locale })),
  ];
  for (const spec of accounts.filter((a) => !existing.has(a.smtp))) await clients.exchange.createMailbox(spec);
  if (mailboxes.length === 0) return;
  await clients.crm.users.upsert(
    mailboxes.map((m) => ({ login: m.crmUser, displayName: m.displayName ?? m.crmUser, email: m.smtp, salesGroup: m.salesGroup ?? null, syncEnabled: true })),
  );
}
