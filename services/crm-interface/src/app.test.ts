import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateHmacSecret, generateKeyPair } from '@connector/crm-token';
import { createLogger } from '@connector/observability';
import { buildApp, type CrmInterfaceApp } from './app.js';
import { ConfigError, readConfig } from './crm-interface.config.js';
import { createTestCrm, type TestCrm } from './crm.test-support.js';
import { seedDemoData } from './demo-data.js';

describe('CRM.interface app', () => {
  let crm: TestCrm;
  let built: CrmInterfaceApp;

  beforeAll(async () => {
    crm = await createTestCrm('crm_app');
    await crm.db.query('DELETE FROM crm.app_user');
    built = await buildApp({
      db: crm.db,
      tokenKeys: [{ algorithm: 'hs256', secret: generateHmacSecret() }],
      logger: createLogger({ service: 'crm-interface-test', level: 'silent' }),
    });
    await built.app.ready();
  });
  afterAll(async () => {
    await built.app.close();
    await crm.close();
  });

  it('answers health and readiness, and has no admin API without a key', async () => {
    expect((await built.app.inject({ method: 'GET', url: '/ready' })).json()).toEqual({ status: 'ready' });
    expect((await built.app.inject({ method: 'GET', url: '/admin/stats', headers: { 'x-admin-key': '' } })).statusCode).toBe(404);
  });

  it('serves POST /syncml', async () => {
    const response = await built.app.inject({ method: 'POST', url: '/syncml', headers: { 'content-type': 'text/plain' }, payload: 'x' });
    expect(response.statusCode).toBe(415);
  });

  it('seeds the demo CRM once, even when two instances start together', async () => {
    const results = await Promise.all([seedDemoData(built.data), seedDemoData(built.data)]);
    expect(results.sort()).toEqual([false, true]);
    expect(await seedDemoData(built.data)).toBe(false);
    const users = await built.data.users.list({ salesGroup: 'North' });
    expect(users.map((u) => u.login)).toEqual(['alice@demo.example', 'bob@demo.example', 'carla@demo.example']);
    const alice = await built.data.users.actorFor('alice@demo.example');
    const bob = await built.data.users.actorFor('bob@demo.example');
    const calendar = await built.data.datastore('calendar').list(alice);
    const series = calendar.find((a) => a.recurrence);
    expect(series?.exceptions).toHaveLength(1);
    expect(series?.recurrence?.deletedOccurrences).toHaveLength(1);
    expect(calendar.map((a) => a.subject)).not.toContain('Dentist');
    expect((await built.data.datastore('calendar').list(bob)).map((a) => a.subject)).toContain('Dentist');
    expect((await built.data.datastore('tasks').list(alice)).length).toBeGreaterThanOrEqual(2);
    expect((await built.data.datastore('absences').list(alice)).length).toBe(2);
    expect((await built.data.persons.list(alice)).filter((p) => p.favourite)).toHaveLength(2);
  });
});

describe('configuration', () => {
  it('reads keys from env or files and defaults the port', () => {
    const dir = mkdtempSync(join(tmpdir(), 'crm-config-'));
    const keyFile = join(dir, 'public.pem');
    writeFileSync(keyFile, generateKeyPair().publicKeyPem);
    const config = readConfig(
      { DATABASE_URL: 'postgres://x/y', CRM_TOKEN_PUBLIC_KEY_FILE: keyFile, CRM_TOKEN_HMAC_SECRET: 'x'.repeat(32), CRM_ADMIN_KEY: 'k', CRM_DEMO: '1' },
      [],
    );
    expect(config).toMatchObject({ port: 8701, adminKey: 'k', demo: true });
    expect(config.tokenKeys.map((k) => k.algorithm)).toEqual(['ed25519', 'hs256']);
    expect(readConfig({ DATABASE_URL: 'x', CRM_TOKEN_HMAC_SECRET: 's', CRM_INTERFACE_PORT: '9000' }, ['--demo'])).toMatchObject({ port: 9000, demo: true });
  });

  it('lists every problem at once', () => {
    expect(() => readConfig({ CRM_INTERFACE_PORT: 'x' })).toThrow(ConfigError);
    expect(() => readConfig({ CRM_TOKEN_MAX_AGE_MS: 'soon', CRM_INTERFACE_PORT: 'x' })).toThrow(
      /DATABASE_URL.*CRM_INTERFACE_PORT.*CRM_TOKEN_PUBLIC_KEY.*CRM_TOKEN_MAX_AGE_MS/,
    );
  });
});
