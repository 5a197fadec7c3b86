import pg from 'pg';
import { containerRuntimeAvailable, uniqueSuffix } from './runtime.js';

export interface IsolatedDatabase {
  /** Connection URL of a database that exists only for this test file. */
  url: string;
  name: string;
  /** Drops the database (terminating stray connections first). */
  drop(): Promise<void>;
}

const DEFAULT_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
let containerUrl: Promise<string> | undefined;

async function startContainer(): Promise<string> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const container = await new PostgreSqlContainer('postgres:16-alpine').start();
  return container.getConnectionUri();
}

/** DATABASE_URL when set, else a testcontainer when Docker exists, else the local default. */
export async function resolveDatabaseUrl(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  if (containerRuntimeAvailable()) {
    containerUrl ??= startContainer();
    return containerUrl;
  }
  return DEFAULT_URL;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh PostgreSQL database for one test file; names never collide across runs. */
export async function isolatedDatabase(label = 'test'): Promise<IsolatedDatabase> {
  const adminUrl = await resolveDatabaseUrl();
  const name = `t_${label.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${uniqueSuffix()}`;
  await withAdmin(adminUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  return {
    url: withDatabase(adminUrl, name),
    name,
    async drop() {
      await withAdmin(adminUrl, async (c) => {
        // Pools that were just ended close their connections a moment later; terminating those
        // would hand their clients a FATAL error nobody listens for any more. Wait for them first.
        const others = async () =>
          Number((await c.query<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name])).rows[0]?.n ?? 0);
        for (let i = 0; i < 40 && (await others()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
        await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [name]);
        await c.query(`DROP DATABASE IF EXISTS "${name}"`);
      });
    },
  };
}
