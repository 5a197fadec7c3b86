import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, isolatedDatabase, isolatedRedis, type IsolatedDatabase, type IsolatedRedis } from '@connector/testing';
import { basic } from './dashboard.test-support.js';

const MAIN = new URL('./main.ts', import.meta.url).pathname;
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

let db: IsolatedDatabase;
let redis: IsolatedRedis;
let dir: string;

/** YAML is a superset of JSON; the password is a secret reference, as in production. */
function writeConfig(name: string, dashboard: object): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify({
    exchange: { url: 'http://127.0.0.1:1/EWS/Exchange.asmx', auth: { kind: 'basic', username: 'svc', password: 'x' } },
    crm: { url: 'http://127.0.0.1:1/syncml', token: { algorithm: 'hmac', secret: 's' } },
    redis: { url: redis.url, prefix: redis.prefix },
    database: { url: db.url },
    dashboard,
    logLevel: 'warn',
  }));
  return path;
}

beforeAll(async () => {
  [db, redis] = await Promise.all([isolatedDatabase('dashboard_main'), isolatedRedis('dashboard_main')]);
  dir = mkdtempSync(join(tmpdir(), 'dashboard-'));
});
afterAll(async () => {
  await redis?.cleanup();
  await db?.drop();
});

function run(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--conditions=source', '--import', TSX, MAIN], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitForHealth(url: string, exited: Promise<unknown>): Promise<void> {
  let done = false;
  void exited.then(() => (done = true));
  for (let i = 0; i < 150 && !done; i++) {
    if ((await fetch(url).catch(() => undefined))?.ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} never answered`);
}

describe('main', () => {
  it('refuses to start without a password unless bound to 127.0.0.1', async () => {
    const { exited, output } = run({ HOST: '0.0.0.0', CONNECTOR_CONFIG: writeConfig('open.yaml', {}) });
    expect(await exited).toBe(1);
    expect(output()).toContain('no dashboard.adminPassword is configured');
  });

  it('listens on dashboard.port (DASHBOARD_PORT), protects the pages but not /health, and stops on SIGTERM', async () => {
    const port = await freePort();
    const { child, exited, output } = run({
      CONNECTOR_CONFIG: writeConfig('protected.yaml', { adminPassword: { env: 'DASHBOARD_TEST_PASSWORD' } }),
      DASHBOARD_PORT: String(port),
      DASHBOARD_TEST_PASSWORD: 'main-secret',
    });
    const base = `http://127.0.0.1:${port}`;
    await waitForHealth(`${base}/health`, exited).catch((error: Error) => {
      throw new Error(`${error.message}\n${output()}`);
    });
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    expect((await fetch(`${base}/`)).status).toBe(401);
    const overview = await fetch(`${base}/api/overview`, { headers: { authorization: basic('main-secret') } });
    expect(overview.status).toBe(200);
    expect((await overview.json()) as unknown).toMatchObject({ mailboxes: [] });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
