import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { LauncherError } from '../launcher.error.js';
import { startSystem } from './start-system.js';
import type { RunningSystem } from './system.types.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function admin(system: RunningSystem, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${system.urls['exchange-sim']}/admin${path}`, {
    ...init,
    headers: { 'x-admin-key': system.adminKeys.exchangeSim, 'content-type': 'application/json' },
  });
}

// Only the Exchange simulator: the whole system with both simulators is exercised by packages/e2e.
describe('startSystem with the Exchange simulator alone', () => {
  let system: RunningSystem;
  const seen: string[] = [];

  beforeAll(async () => {
    system = await startSystem({
      services: [],
      crmUrl: 'http://127.0.0.1:9/syncml',
      exchangeSim: { demo: true, persist: true },
      logLevel: 'warn',
      beforeServices: async (s) => void seen.push(`${s.urls['exchange-sim']}`),
    });
  });
  afterAll(async () => {
    if (system && existsSync(system.runDir)) await system.stop();
  });

  it('starts it on a free port with a generated admin key, and writes the run config', async () => {
    const handle = system.services.get('exchange-sim')!;
    expect(handle.running).toBe(true);
    expect(handle.url).toBe(`http://127.0.0.1:${system.ports['exchange-sim']}`);
    expect(seen).toEqual([handle.url]);
    const mailboxes = (await (await admin(system, '/mailboxes')).json()) as { smtp: string }[];
    expect(mailboxes.map((m) => m.smtp)).toContain('alice@demo.example');
    expect((await fetch(`${handle.url}/admin/mailboxes`)).status).toBe(401);
    const config = parse(readFileSync(system.configPath, 'utf8')) as { exchange: { url: string }; crm: { url: string } };
    expect(config.exchange.url).toBe(system.urls.ews);
    expect(config.crm.url).toBe('http://127.0.0.1:9/syncml');
  });

  it('kills it with SIGKILL (not reported as unexpected) and restarts it on the same port with its data', async () => {
    const created = await admin(system, '/mailboxes', { method: 'POST', body: JSON.stringify({ smtp: 'kept@demo.example', password: 'p' }) });
    expect(created.status).toBe(201);
    await new Promise((r) => setTimeout(r, 1_500)); // the snapshot is written shortly after a change
    const before = system.services.get('exchange-sim')!.pid!;
    const exit = await system.kill('exchange-sim');
    expect(exit).toMatchObject({ signal: 'SIGKILL', expected: true });
    expect(alive(before)).toBe(false);
    await system.restart('exchange-sim');
    const after = system.services.get('exchange-sim')!.pid!;
    expect(after).not.toBe(before);
    const mailboxes = (await (await admin(system, '/mailboxes')).json()) as { smtp: string }[];
    expect(mailboxes.map((m) => m.smtp)).toContain('kept@demo.example');
    expect(system.unexpectedExits()).toEqual([]);
    await expect(system.restart('crm-writer')).rejects.toBeInstanceOf(LauncherError);
  });

  it('stops cleanly: no child left, run directory removed, nothing unexpected', async () => {
    const pid = system.services.get('exchange-sim')!.pid!;
    const report = await system.stop();
    expect(report).toMatchObject({ unexpectedExits: [], forced: [], runDirKept: false });
    expect(alive(pid)).toBe(false);
    expect(existsSync(system.runDir)).toBe(false);
  });
});

describe('startSystem failures', () => {
  it('refuses to run services without a CRM side', async () => {
    await expect(startSystem({ exchangeSim: false, exchangeUrl: 'http://127.0.0.1:9/EWS/Exchange.asmx' })).rejects.toMatchObject({ code: 'INVALID_OPTIONS' });
  });

  it('fails before starting anything when the config overrides are invalid, and keeps the run directory', async () => {
    const runDir = mkdtempSync(join(tmpdir(), 'bad-run-'));
    const error = await startSystem({
      runDir,
      services: ['scheduler'],
      crmUrl: 'http://127.0.0.1:9/syncml',
      configOverrides: { logLevel: 'loud' },
      logLevel: 'warn',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'INVALID_RUN_CONFIG' });
    expect((error as Error).message).toContain('logLevel');
    expect((error as Error).message).toContain(`run directory kept: ${runDir}`);
    expect(existsSync(join(runDir, 'logs'))).toBe(false);
    rmSync(runDir, { recursive: true });
  });
});
