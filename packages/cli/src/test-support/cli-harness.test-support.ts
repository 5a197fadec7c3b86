import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { parseConfig, type ConnectorConfig } from '@connector/config';
import { activeMailboxes, MailboxRegistry } from '@connector/scheduling';
import { openPgState, type PgState } from '@connector/state';
import { isolatedDatabase, isolatedRedis, type IsolatedDatabase, type IsolatedRedis } from '@connector/testing';
import { runCli } from '../cli.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  json<T = Record<string, unknown>>(): T;
}

export const MAILBOXES = [
  { crmUser: 'alice', smtp: 'alice@demo.example' },
  { crmUser: 'bob', smtp: 'bob@demo.example' },
];

/** A minimal valid config; the Exchange and CRM URLs lead nowhere (no test here talks to them). */
export function baseConfig(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    exchange: { url: 'http://127.0.0.1:9/EWS/Exchange.asmx', auth: { kind: 'basic', username: 'svc@demo.example', password: 'secret-password' } },
    crm: { url: 'http://127.0.0.1:9/syncml', token: { algorithm: 'hmac', secret: 'secret-hmac-0123456789abcdef0123456789' } },
    mailboxes: { list: MAILBOXES },
    logLevel: 'fatal',
    ...overrides,
  };
}

export function writeConfig(config: Record<string, unknown> | string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cli-'));
  const path = join(dir, 'connector.yaml');
  writeFileSync(path, typeof config === 'string' ? config : stringify(config));
  return path;
}

/** Runs the CLI in-process, as `connector <args>` would, with stdout and stderr captured. */
export async function cli(args: string[], env: NodeJS.ProcessEnv = {}, cwd = process.cwd()): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env, cwd });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

export interface CliHarness {
  configPath: string;
  config: ConnectorConfig;
  redis: IsolatedRedis;
  state: PgState;
  /** `connector --config <this file> <args>` */
  run(...args: string[]): Promise<CliRun>;
  /** What the scheduler publishes after a refresh: these mailboxes are synced. */
  publishMailboxes(smtps?: string[]): Promise<void>;
  close(): Promise<void>;
}

/** A config pointing at this test file's own database and Redis prefix. */
export async function cliHarness(label: string): Promise<CliHarness> {
  const [database, redis]: [IsolatedDatabase, IsolatedRedis] = await Promise.all([isolatedDatabase(`cli_${label}`), isolatedRedis(`cli-${label}`)]);
  const raw = baseConfig({ redis: { url: redis.url, prefix: redis.prefix }, database: { url: database.url }, errorPolicy: { suspendAfterFailures: 2 } });
  const configPath = writeConfig(raw);
  const config = parseConfig(raw, { env: {} });
  const state = await openPgState({ url: database.url, poolSize: 2, suspendAfterFailures: 2 });
  return {
    configPath,
    config,
    redis,
    state,
    run: (...args) => cli(['--config', configPath, ...args]),
    async publishMailboxes(smtps = MAILBOXES.map((m) => m.smtp)) {
      const users = MAILBOXES.filter((m) => smtps.includes(m.smtp)).map((m) => ({ id: `id-${m.crmUser}`, login: m.crmUser, email: m.smtp, syncEnabled: true }));
      await new MailboxRegistry(redis.client, redis.prefix).publish(activeMailboxes(config, users));
    },
    async close() {
      await state.close();
      await redis.cleanup();
      await database.drop();
    },
  };
}
