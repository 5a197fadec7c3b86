import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigError, configJsonSchema, effectiveRules, loadConfigFile, parseConfig } from './index.js';

const repoRoot = resolve(import.meta.dirname, '../../..');
const examplePath = join(repoRoot, 'config/connector.example.yaml');
const exampleEnv = { EXCHANGE_PASSWORD: 'pw', DASHBOARD_PASSWORD: 'admin' };

function minimal(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    exchange: { url: 'http://ews.example/EWS/Exchange.asmx', auth: { kind: 'basic', username: 'svc', password: 'x' } },
    crm: { url: 'http://crm.example/syncml', token: { algorithm: 'hmac', secret: 's' } },
    ...extra,
  };
}

function problemsOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error('config was accepted');
}

describe('example config', () => {
  it('passes, with secrets resolved from env and files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const copy = join(dir, 'connector.yaml');
    writeFileSync(copy, readFileSync(examplePath, 'utf8'));
    // The example reads its token key from a file beside it.
    const keyDir = join(dir, 'keys');
    mkdirSync(keyDir);
    writeFileSync(join(keyDir, 'token-private.pem'), 'PEM-KEY\n');
    const config = loadConfigFile(copy, exampleEnv);
    expect(config.exchange.auth).toEqual({ kind: 'basic', username: 'svc-connector@demo.example', password: 'pw' });
    expect(config.crm.token).toEqual({ algorithm: 'ed25519', privateKey: 'PEM-KEY' });
    expect(config.mailboxes.list.map((m) => m.smtp)).toEqual(['alice@demo.example', 'bob@demo.example', 'carla@demo.example']);
    expect(config.rules.appointment.window).toEqual({ pastDays: 30, futureDays: 365, deletionPastDays: 30 });
  });
});

describe('invalid config', () => {
  it('names all three mistakes in one message: wrong type, unknown object type, missing mailbox address', () => {
    let message = '';
    const problems = problemsOf(() => {
      try {
        parseConfig(
          minimal({
            exchange: { url: 'http://ews.example/EWS/Exchange.asmx', auth: { kind: 'basic', username: 'svc', password: 'x' }, timeoutMs: 'soon' },
            rules: { calendar: { enabled: true } },
            mailboxes: { list: [{ crmUser: 'alice', smtp: 'alice@x.example' }, { crmUser: 'bob' }] },
          }),
          { source: 'connector.yaml', env: {} },
        );
      } catch (error) {
        message = (error as Error).message;
        throw error;
      }
    });
    expect(problems.map((p) => p.path).sort()).toEqual(['exchange.timeoutMs', 'mailboxes.list[1].smtp', 'rules.calendar']);
    expect(message).toContain('3 problems');
    for (const path of ['exchange.timeoutMs', 'rules.calendar', 'mailboxes.list[1].smtp']) expect(message).toContain(path);
  });

  it('reports missing secrets with their path', () => {
    const problems = problemsOf(() =>
      parseConfig(minimal({ exchange: { url: 'http://e.example/EWS/Exchange.asmx', auth: { kind: 'ntlm', username: 'svc', password: { env: 'NOPE' } } } }), { env: {} }),
    );
    expect(problems).toEqual([{ path: 'exchange.auth.password', message: 'environment variable NOPE is not set' }]);
  });

  it('reports YAML syntax errors with their line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfg-'));
    const path = join(dir, 'bad.yaml');
    writeFileSync(path, 'exchange:\n  url: [unclosed\n');
    const problems = problemsOf(() => loadConfigFile(path, {}));
    expect(problems[0]?.path).toMatch(/^line \d+$/);
  });

  it('rejects an unknown auth kind and an unknown key inside an override', () => {
    const problems = problemsOf(() =>
      parseConfig(
        minimal({
          exchange: { url: 'http://e.example/EWS/Exchange.asmx', auth: { kind: 'kerberos' } },
          mailboxes: { list: [{ crmUser: 'a', smtp: 'a@x.example', overrides: { contact: { colour: 'red' } } }] },
        }),
        { env: {} },
      ),
    );
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['exchange.auth.kind', 'mailboxes.list[0].overrides.contact.colour']));
  });
});

describe('env overrides and per-user rules', () => {
  it('lets the environment override connection settings', () => {
    const config = parseConfig(minimal(), { env: { REDIS_URL: 'redis://r:6380', DATABASE_URL: 'postgres://db/x', DASHBOARD_PORT: '9000' } });
    expect(config.redis.url).toBe('redis://r:6380');
    expect(config.database.url).toBe('postgres://db/x');
    expect(config.dashboard.port).toBe(9000);
  });

  it('applies a user override on top of the global rule without resetting other fields', () => {
    const config = parseConfig(
      minimal({
        rules: { contact: { folder: '/<contacts>/CRM', filter: { salesGroup: true } } },
        mailboxes: { list: [{ crmUser: 'bob', smtp: 'bob@x.example', overrides: { contact: { folder: '/<contacts>/Bob' }, email: { maxSizeBytes: 1000 } } }] },
      }),
      { env: {} },
    );
    const rules = effectiveRules(config.rules, config.mailboxes.list[0]);
    expect(rules.contact.folder).toBe('/<contacts>/Bob');
    expect(rules.contact.filter.salesGroup).toBe(true);
    expect(rules.email.maxSizeBytes).toBe(1000);
    expect(rules.email.folder).toBe('/<inbox>/CRM');
    expect(effectiveRules(config.rules, undefined).contact.folder).toBe('/<contacts>/CRM');
  });
});

describe('JSON Schema for editors', () => {
  it('is generated from the schema and committed up to date', () => {
    const committed = JSON.parse(readFileSync(join(repoRoot, 'libs/config/connector-config.schema.json'), 'utf8')) as unknown;
    expect(committed).toEqual(configJsonSchema());
    expect(JSON.stringify(committed)).toContain('"exchange"');
  });
});
