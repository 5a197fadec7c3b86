import { mkdirSync, mkdtempSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { baseConfig, cli, writeConfig } from '../test-support/cli-harness.test-support.js';

describe('connector config validate', () => {
  it('exits 0 with one OK line for a valid config', async () => {
    const path = writeConfig(baseConfig());
    const run = await cli(['config', 'validate', '--config', path]);
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toMatch(/^OK .*connector\.yaml: 2 mailbox\(es\) listed, types enabled: /);
  });

  it('prints the resolved summary with --json, defaults applied and no secret in it', async () => {
    const path = writeConfig(baseConfig({ database: { url: 'postgres://admin:db-password@db.example:5432/connector' } }));
    const run = await cli(['--json', 'config', 'validate', '--config', path]);
    expect(run.code).toBe(0);
    const out = run.json<{ valid: boolean; config: { rules: Record<string, { intervalSeconds: number }>; database: { url: string }; exchange: { auth: string } } }>();
    expect(out.valid).toBe(true);
    expect(out.config.rules.contact?.intervalSeconds).toBe(21_600);
    expect(out.config.exchange.auth).toBe('basic');
    expect(out.config.database.url).toBe('postgres://admin:***@db.example:5432/connector');
    expect(run.stdout).not.toMatch(/secret-password|secret-hmac|db-password/);
    expect(run.stderr).toBe('');
  });

  it('exits 2 listing every problem at once', async () => {
    const bad = baseConfig({ logLevel: 'loud', mailboxes: { list: [{ crmUser: 'x', smtp: 'not-an-address' }] }, extra: true });
    const run = await cli(['config', 'validate', '--config', writeConfig(bad)]);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/3 problems/);
    expect(run.stdout).toContain('logLevel');
    expect(run.stdout).toContain('mailboxes.list[0].smtp');
    expect(run.stdout).toContain('extra: unknown key');
    const json = await cli(['config', 'validate', '--json', '--config', writeConfig(bad)]);
    expect(json.code).toBe(2);
    expect(json.json<{ valid: boolean; problems: unknown[] }>()).toMatchObject({ valid: false, problems: expect.arrayContaining([{ path: 'extra', message: 'unknown key' }]) });
  });

  it('exits 2 for a missing file and for YAML syntax errors', async () => {
    expect((await cli(['config', 'validate', '--config', '/nonexistent/connector.yaml'])).code).toBe(2);
    const run = await cli(['config', 'validate', '--config', writeConfig('exchange: [unclosed\n')]);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/line \d/);
  });

  it('finds the config like the services: CONNECTOR_CONFIG, else config/connector.yaml', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-cwd-'));
    mkdirSync(join(dir, 'config'));
    writeFileSync(join(dir, 'config/connector.yaml'), stringify(baseConfig()));
    writeFileSync(join(dir, 'other.yaml'), stringify(baseConfig({ logLevel: 'loud' })));
    expect((await cli(['config', 'validate'], {}, dir)).code).toBe(0);
    expect((await cli(['config', 'validate'], { CONNECTOR_CONFIG: 'other.yaml' }, dir)).code).toBe(2);
  });

  it('treats a bad command line as a usage error (exit 2), help as success', async () => {
    expect((await cli(['config', 'validate', '--bogus'])).code).toBe(2);
    expect((await cli(['no-such-command'])).code).toBe(2);
    const json = await cli(['--json', 'frobnicate']);
    expect(json.json()).toMatchObject({ error: 'CLI_USAGE' });
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('sync-now');
  });

  it('reload signals a valid file to the services (its mtime moves) and leaves a broken one alone', async () => {
    const path = writeConfig(baseConfig());
    utimesSync(path, new Date(0), new Date(0));
    const run = await cli(['config', 'reload', '--config', path]);
    expect(run.code).toBe(0);
    expect(statSync(path).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
    const broken = writeConfig(baseConfig({ logLevel: 'loud' }));
    utimesSync(broken, new Date(0), new Date(0));
    const rejected = await cli(['config', 'reload', '--config', broken]);
    expect(rejected.code).toBe(2);
    expect(statSync(broken).mtimeMs).toBe(0);
  });
});
