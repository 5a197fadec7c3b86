import { readFileSync, writeFileSync } from 'node:fs';
import { ConfigError, parseConfig, type MailboxConfig } from '@connector/config';
import { parse, stringify } from 'yaml';
import { LauncherError } from '../launcher.error.js';

/** What one run fills into the base config: where everything is, and how secrets are found. */
export interface RunConfigValues {
  /** Kept from the base config when not given (no simulator and no URL: nothing will call it). */
  ewsUrl?: string;
  syncmlUrl?: string;
  redisUrl: string;
  redisPrefix: string;
  databaseUrl: string;
  logLevel: string;
  exchangeUsername: string;
  /** Absolute path of the PEM private key that signs CRM tokens. */
  tokenPrivateKeyFile: string;
  /** Replaces the base config's mailbox list when given. */
  mailboxes?: MailboxConfig[];
  /** Deep-merged last: objects merge key by key, anything else (arrays too) replaces. */
  overrides?: Record<string, unknown>;
}

/** Environment names the generated config reads its secrets from. */
export const SECRET_ENV = { exchangePassword: 'EXCHANGE_PASSWORD', dashboardPassword: 'DASHBOARD_PASSWORD' } as const;

type Tree = Record<string, unknown>;

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deepMerge(base: Tree, patch: Tree): Tree {
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] = isTree(current) && isTree(value) ? deepMerge(current, value) : value;
  }
  return out;
}

/** The config object of one run: the base file with this run's endpoints, prefix, database and key. */
export function buildRunConfig(base: Tree, values: RunConfigValues): Tree {
  const exchange = isTree(base.exchange) ? base.exchange : {};
  const crm = isTree(base.crm) ? base.crm : {};
  const mailboxes = isTree(base.mailboxes) ? base.mailboxes : {};
  const run: Tree = {
    ...base,
    exchange: {
      ...exchange,
      ...(values.ewsUrl ? { url: values.ewsUrl } : {}),
      auth: { kind: 'basic', username: values.exchangeUsername, password: { env: SECRET_ENV.exchangePassword } },
    },
    crm: { ...crm, ...(values.syncmlUrl ? { url: values.syncmlUrl } : {}), token: { algorithm: 'ed25519', privateKey: { file: values.tokenPrivateKeyFile } } },
    redis: { url: values.redisUrl, prefix: values.redisPrefix },
    database: { url: values.databaseUrl },
    mailboxes: values.mailboxes ? { ...mailboxes, list: values.mailboxes } : mailboxes,
    dashboard: { ...(isTree(base.dashboard) ? base.dashboard : {}), adminPassword: { env: SECRET_ENV.dashboardPassword } },
    logLevel: values.logLevel,
  };
  return values.overrides ? deepMerge(run, values.overrides) : run;
}

/**
 * Writes the run's config as YAML after validating it exactly as a service will (same env, same
 * directory for relative secret files), so a bad override fails here once, not in every child.
 */
export function writeRunConfig(basePath: string, values: RunConfigValues, target: string, env: NodeJS.ProcessEnv, baseDir: string): void {
  const base = parse(readFileSync(basePath, 'utf8')) as unknown;
  const config = buildRunConfig(isTree(base) ? base : {}, values);
  try {
    parseConfig(config, { source: target, env, baseDir });
  } catch (error) {
    if (error instanceof ConfigError) throw new LauncherError('INVALID_RUN_CONFIG', error.message, { cause: error });
    throw error;
  }
  writeFileSync(target, `# Written by @connector/launcher for one run, from ${basePath}.\n${stringify(config)}`);
}
