import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfigFile } from '@connector/config';
import { generateKeyPair } from '@connector/crm-token';
import { LauncherError } from '../launcher.error.js';
import { SECRET_ENV, writeRunConfig, type RunConfigValues } from './run-config.js';

const example = fileURLToPath(new URL('../../../../config/connector.example.yaml', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'run-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const keyFile = join(dir, 'token.pem');
writeFileSync(keyFile, generateKeyPair().privateKeyPem);
const env = { [SECRET_ENV.exchangePassword]: 'svc-pass', [SECRET_ENV.dashboardPassword]: 'dash' };

const values: RunConfigValues = {
  ewsUrl: 'http://127.0.0.1:40001/EWS/Exchange.asmx',
  syncmlUrl: 'http://127.0.0.1:40002/syncml',
  redisUrl: 'redis://127.0.0.1:6379',
  redisPrefix: 't-run-1',
  databaseUrl: 'postgres://postgres@127.0.0.1:5432/t_links',
  logLevel: 'warn',
  exchangeUsername: 'svc@e2e.example',
  tokenPrivateKeyFile: keyFile,
};

describe('writeRunConfig', () => {
  it('fills this run into the example config; a service loading it sees the run and the secrets', () => {
    const target = join(dir, 'connector.yaml');
    writeRunConfig(example, { ...values, mailboxes: [{ crmUser: 'ann', smtp: 'ann@e2e.example' }] }, target, env, dir);
    const config = loadConfigFile(target, env);
    expect(config.exchange).toMatchObject({ url: values.ewsUrl, auth: { kind: 'basic', username: 'svc@e2e.example', password: 'svc-pass' } });
    expect(config.crm.url).toBe(values.syncmlUrl);
    expect(config.crm.token).toMatchObject({ algorithm: 'ed25519', privateKey: expect.stringContaining('BEGIN PRIVATE KEY') });
    expect(config.redis).toEqual({ url: values.redisUrl, prefix: 't-run-1' });
    expect(config.database.url).toBe(values.databaseUrl);
    expect(config.mailboxes.list).toEqual([{ crmUser: 'ann', smtp: 'ann@e2e.example' }]);
    expect(config.rules.appointment.conflictPolicy).toBe('crm-wins');
    expect(config.logLevel).toBe('warn');
    expect(readFileSync(target, 'utf8')).not.toContain('svc-pass');
  });

  it('keeps the base URLs for a side this run has no endpoint for', () => {
    const target = join(dir, 'no-urls.yaml');
    writeRunConfig(example, { ...values, ewsUrl: undefined, syncmlUrl: undefined }, target, env, dir);
    const config = loadConfigFile(target, env);
    expect(config.exchange.url).toBe('http://127.0.0.1:8700/EWS/Exchange.asmx');
    expect(config.crm.url).toBe('http://127.0.0.1:8701/syncml');
  });

  it('merges overrides last: objects key by key, arrays replace', () => {
    const target = join(dir, 'override.yaml');
    writeRunConfig(example, { ...values, overrides: { rules: { appointment: { conflictPolicy: 'newest-wins', crmTypes: ['visit'] } } } }, target, env, dir);
    const config = loadConfigFile(target, env);
    expect(config.rules.appointment).toMatchObject({ conflictPolicy: 'newest-wins', crmTypes: ['visit'], direction: 'both' });
  });

  it('refuses an override that breaks the schema, listing the problem, and writes nothing', () => {
    const target = join(dir, 'bad.yaml');
    const error = (() => {
      try {
        writeRunConfig(example, { ...values, overrides: { rules: { appointment: { conflictPolicy: 'coin-toss' } } } }, target, env, dir);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(LauncherError);
    expect((error as LauncherError).code).toBe('INVALID_RUN_CONFIG');
    expect((error as Error).message).toContain('rules.appointment.conflictPolicy');
    expect(() => readFileSync(target)).toThrow();
  });
});
