import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfigFile } from '@connector/config';
import { startService } from './index.js';

function configText(mailboxes: string[], extra = ''): string {
  return `exchange:
  url: http://127.0.0.1:1/EWS/Exchange.asmx
  auth: { kind: basic, username: svc, password: x }
crm:
  url: http://127.0.0.1:1/syncml
  token: { algorithm: hmac, secret: s }
mailboxes:
  list:
${mailboxes.map((m) => `    - { crmUser: ${m}, smtp: ${m}@x.example }`).join('\n')}
rules:
  contact: { intervalSeconds: 600 }
${extra}`;
}

describe('config hot reload', () => {
  it('applies a valid new file without a restart and keeps the old one when the new file is broken', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reload-'));
    const path = join(dir, 'connector.yaml');
    writeFileSync(path, configText(['alice']));
    const seen: string[][] = [];
    const running = await startService(
      {
        name: 'reload-probe',
        defaultPort: 0,
        async start(context) {
          context.onConfigChange((next) => void seen.push(next.mailboxes.list.map((m) => m.crmUser)));
        },
      },
      loadConfigFile(path, {}),
      path,
    );
    const { context } = running;
    expect(context.config.mailboxes.list.map((m) => m.crmUser)).toEqual(['alice']);

    writeFileSync(path, configText(['alice', 'bob']));
    expect(await context.reloadConfig()).toBe(true);
    expect(context.config.mailboxes.list.map((m) => m.crmUser)).toEqual(['alice', 'bob']);
    expect(seen).toEqual([['alice', 'bob']]);

    writeFileSync(path, configText(['carl'], 'rules:\n  calendar: {}\n'));
    expect(await context.reloadConfig()).toBe(false);
    expect(context.config.mailboxes.list.map((m) => m.crmUser)).toEqual(['alice', 'bob']);
    expect(seen).toHaveLength(1);
    await running.stop();
  });

  it('notices a changed file by itself when watching', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reload-'));
    const path = join(dir, 'connector.yaml');
    writeFileSync(path, configText(['alice']));
    const running = await startService({ name: 'watch-probe', defaultPort: 0, start: async () => undefined }, loadConfigFile(path, {}), path, { watchConfig: true });
    await new Promise((r) => setTimeout(r, 1_100));
    writeFileSync(path, configText(['alice', 'dora']));
    const started = Date.now();
    while (running.context.config.mailboxes.list.length < 2 && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 100));
    expect(running.context.config.mailboxes.list.map((m) => m.crmUser)).toEqual(['alice', 'dora']);
    await running.stop();
  });
});
