import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { generateKeyPair } from '@connector/crm-token';

/** The port when it can be bound on the host, else 0 (the caller then takes a free one). */
export function portIfFree(port: number, host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.unref();
    server.once('error', () => resolve(0));
    server.listen(port, host, () => server.close(() => resolve(port)));
  });
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * One short-lived connection for `fn`. A busy server refusing more clients (53300) is waited out
 * for a while rather than failing the demo: its connections belong to other programs.
 */
export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>, attempts = 20): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      if ((error as { code?: string }).code !== '53300' || attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
      continue;
    }
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  }
}

/** Creates the databases that do not exist yet; existing ones (a previous run's) are kept as they are. */
export async function ensureDatabases(serverUrl: string, names: readonly string[]): Promise<string[]> {
  return withClient(serverUrl, async (client) => {
    const created: string[] = [];
    for (const name of names) {
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (rowCount) continue;
      try {
        // Names are checked against /^[a-z_][a-z0-9_]*$/ by the options.
        await client.query(`CREATE DATABASE "${name}"`);
        created.push(name);
      } catch (error) {
        if ((error as { code?: string }).code !== '42P04') throw error; // created meanwhile
      }
    }
    return created;
  });
}

export interface DemoSecrets {
  dashboardPassword: string;
  tokenKeys: { privateKeyFile: string; publicKeyFile: string };
  /** True when this run created them (the first run on this data directory). */
  fresh: boolean;
}

/**
 * The dashboard password and the token key pair, created on the first run and read back on every
 * later one: the same data directory means the same login and the same keys.
 */
export function demoSecrets(dataDir: string): DemoSecrets {
  const dir = join(dataDir, 'keys');
  mkdirSync(dir, { recursive: true });
  const privateKeyFile = join(dir, 'token-private.pem');
  const publicKeyFile = join(dir, 'token-public.pem');
  const passwordFile = join(dataDir, 'dashboard-password');
  let fresh = false;
  if (!existsSync(privateKeyFile) || !existsSync(publicKeyFile)) {
    const keys = generateKeyPair();
    writeFileSync(privateKeyFile, keys.privateKeyPem, { mode: 0o600 });
    writeFileSync(publicKeyFile, keys.publicKeyPem);
    fresh = true;
  }
  if (!existsSync(passwordFile)) {
    writeFileSync(passwordFile, `${randomBytes(9).toString('base64url')}\n`, { mode: 0o600 });
    fresh = true;
  }
  const dashboardPassword = readFileSync(passwordFile, 'utf8').trim();
  return { dashboardPassword, tokenKeys: { privateKeyFile, publicKeyFile }, fresh };
}
