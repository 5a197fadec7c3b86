import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Everything one demo run needs to know; every value has a default and an env override. */
export interface DemoOptions {
  rootDir: string;
  /** Simulator data, token keys, dashboard password, logs: what makes the next run continue. */
  dataDir: string;
  redisUrl: string;
  redisPrefix: string;
  /** A PostgreSQL URL whose server hosts the demo databases (its database part is replaced). */
  postgresUrl: string;
  linkDatabase: string;
  crmDatabase: string;
  /** Preferred ports; a taken one falls back to a free port. */
  ports: { ews: number; syncml: number; dashboard: number };
  cycleTimeoutMs: number;
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function port(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65_535) throw new Error(`${name} must be a port number, got "${value}"`);
  return parsed;
}

function databaseName(value: string | undefined, fallback: string, name: string): string {
  const chosen = value || fallback;
  if (!/^[a-z_][a-z0-9_]*$/.test(chosen)) throw new Error(`${name} must be a plain lower-case database name, got "${chosen}"`);
  return chosen;
}

/**
 * The demo's settings from the environment (DEMO_* for the tests, which must never touch a real
 * demo's data, ports or databases), else the documented defaults.
 */
export function demoOptionsFromEnv(env: NodeJS.ProcessEnv = process.env, rootDir = ROOT): DemoOptions {
  const dataDir = env.DEMO_DATA_DIR ? (isAbsolute(env.DEMO_DATA_DIR) ? env.DEMO_DATA_DIR : resolve(env.DEMO_DATA_DIR)) : join(rootDir, '.data', 'demo');
  return {
    rootDir,
    dataDir,
    redisUrl: env.REDIS_URL || 'redis://127.0.0.1:6379',
    redisPrefix: env.DEMO_REDIS_PREFIX || 'connector-demo',
    postgresUrl: env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    linkDatabase: databaseName(env.DEMO_DATABASE, 'connector_demo', 'DEMO_DATABASE'),
    crmDatabase: databaseName(env.DEMO_CRM_DATABASE, 'connector_demo_crm', 'DEMO_CRM_DATABASE'),
    ports: {
      ews: port(env.DEMO_EWS_PORT, 8700, 'DEMO_EWS_PORT'),
      syncml: port(env.DEMO_SYNCML_PORT, 8701, 'DEMO_SYNCML_PORT'),
      dashboard: port(env.DEMO_DASHBOARD_PORT, 8710, 'DEMO_DASHBOARD_PORT'),
    },
    cycleTimeoutMs: Number(env.DEMO_CYCLE_TIMEOUT_MS) || 180_000,
  };
}
