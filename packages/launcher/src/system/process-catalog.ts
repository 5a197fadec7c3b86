import { join } from 'node:path';
import { ENV_OVERRIDES } from '@connector/config';
import type { ChildSpec } from '../child/managed-child.js';
import { resolveEntryPoint, type RunFrom } from '../entry/entry-point.js';

/** The connector's pipeline processes, in the order they start and the reverse they stop. */
export const PIPELINE_SERVICES = ['scheduler', 'exchange-poller', 'crm-poller', 'rule-engine', 'exchange-writer', 'crm-writer'] as const;
export type PipelineService = (typeof PIPELINE_SERVICES)[number];
/** Connector services that run on the same config but are not part of the pipeline. */
export const EXTRA_SERVICES = ['dashboard'] as const;
export type ConnectorService = PipelineService | (typeof EXTRA_SERVICES)[number];
export type SimulatorName = 'exchange-sim' | 'crm-interface';
export type ProcessName = SimulatorName | ConnectorService;

/** Where a process lives, what it is started with, and which URL says it is up. */
export interface ProcessPlan {
  name: ProcessName;
  port: number;
  url: string;
  healthUrl: string;
  child: ChildSpec;
  /** Whether it runs from `dist` or from sources; for messages and tests. */
  from: 'dist' | 'source';
}

export interface CatalogContext {
  rootDir: string;
  runDir: string;
  runFrom: RunFrom;
  host: string;
  logLevel: string;
  keepLines: number;
  /** Extra variables for every child (last word). */
  env: Record<string, string>;
  /** Each child in its own process group. */
  detached: boolean;
}

/**
 * The parent's environment without the variables that override a connector config: a child must
 * use this run's values, never a REDIS_URL or DATABASE_URL the test runner happens to have.
 */
export function baseEnv(parent: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env = { ...parent };
  for (const { env: name } of ENV_OVERRIDES) delete env[name];
  for (const name of ['CONNECTOR_CONFIG', 'PORT', 'HOST', 'NODE_OPTIONS']) delete env[name];
  return env;
}

function packageDirOf(name: ProcessName, rootDir: string): string {
  return join(rootDir, name === 'exchange-sim' ? 'packages' : 'services', name);
}

// Plain JS, outside src: the same file serves children started from dist and from sources.
const PARENT_WATCH = new URL('../../preload/parent-watch.mjs', import.meta.url).href;

export function plan(name: ProcessName, port: number, ctx: CatalogContext, env: Record<string, string>, args: string[] = []): ProcessPlan {
  const packageDir = packageDirOf(name, ctx.rootDir);
  const entry = resolveEntryPoint(packageDir, ctx.rootDir, ctx.runFrom);
  const url = `http://${ctx.host}:${port}`;
  return {
    name,
    port,
    url,
    healthUrl: `${url}/ready`,
    from: entry.from,
    child: {
      name,
      command: entry.command,
      args: ['--import', PARENT_WATCH, ...entry.args, ...args],
      cwd: packageDir,
      env: { ...baseEnv(), LOG_LEVEL: ctx.logLevel, LAUNCHER_PARENT_PID: String(process.pid), ...env, ...ctx.env },
      logFile: join(ctx.runDir, 'logs', `${name}.log`),
      keepLines: ctx.keepLines,
      detached: ctx.detached,
    },
  };
}

export interface ExchangeSimSettings {
  adminKey: string;
  demo: boolean;
  dataDir?: string;
  auth?: 'basic' | 'ntlm' | 'both';
}

export function exchangeSimPlan(port: number, settings: ExchangeSimSettings, ctx: CatalogContext): ProcessPlan {
  const env: Record<string, string> = {
    EXCHANGE_SIM_PORT: String(port),
    EXCHANGE_SIM_HOST: ctx.host,
    EXCHANGE_SIM_ADMIN_KEY: settings.adminKey,
    ...(settings.auth ? { EXCHANGE_SIM_AUTH: settings.auth } : {}),
  };
  const args = [...(settings.demo ? ['--demo'] : []), ...(settings.dataDir ? ['--data-dir', settings.dataDir] : [])];
  return plan('exchange-sim', port, ctx, env, args);
}

export interface CrmInterfaceSettings {
  adminKey: string;
  databaseUrl: string;
  demo: boolean;
  /** PEM file of the Ed25519 public key that verifies the connector's tokens. */
  tokenPublicKeyFile: string;
}

export function crmInterfacePlan(port: number, settings: CrmInterfaceSettings, ctx: CatalogContext): ProcessPlan {
  const env: Record<string, string> = {
    CRM_INTERFACE_PORT: String(port),
    CRM_INTERFACE_HOST: ctx.host,
    DATABASE_URL: settings.databaseUrl,
    CRM_ADMIN_KEY: settings.adminKey,
    CRM_TOKEN_PUBLIC_KEY_FILE: settings.tokenPublicKeyFile,
  };
  return plan('crm-interface', port, ctx, env, settings.demo ? ['--demo'] : []);
}

export interface ServiceSettings {
  configPath: string;
  /** The variables the config's `{ env }` secrets and overrides name. */
  env: Record<string, string>;
}

export function servicePlan(name: ConnectorService, port: number, settings: ServiceSettings, ctx: CatalogContext): ProcessPlan {
  return plan(name, port, ctx, { ...settings.env, CONNECTOR_CONFIG: settings.configPath, PORT: String(port), HOST: ctx.host });
}
