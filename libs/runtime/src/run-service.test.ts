import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig } from '@connector/config';
import { configPathFromEnv, startService } from './index.js';

const config = parseConfig(
  {
    exchange: { url: 'http://127.0.0.1:1/EWS/Exchange.asmx', auth: { kind: 'basic', username: 'svc', password: 'x' } },
    crm: { url: 'http://127.0.0.1:1/syncml', token: { algorithm: 'hmac', secret: 's' } },
    logLevel: 'fatal',
  },
  { env: {} },
);

describe('startService', () => {
  it('serves health, reports readiness of its dependencies and closes in reverse order', async () => {
    const closed: string[] = [];
    let dependencyUp = false;
    const running = await startService(
      {
        name: 'probe',
        defaultPort: 0,
        async start(context) {
          context.onClose('connection', async () => void closed.push('connection'));
          context.onClose('worker', async () => void closed.push('worker'));
          context.addReadiness({ name: 'dependency', check: async () => { if (!dependencyUp) throw new Error('down'); } });
        },
      },
      config,
      'inline',
    );
    const base = `http://127.0.0.1:${running.port}`;
    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(503);
    dependencyUp = true;
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    expect(await (await fetch(`${base}/metrics`)).text()).toContain('service="probe"');
    await running.stop();
    expect(closed).toEqual(['worker', 'connection']);
    await expect(fetch(`${base}/health`)).rejects.toThrow();
  });

  it('closes what it opened when start fails', async () => {
    const closed: string[] = [];
    await expect(
      startService(
        { name: 'broken', defaultPort: 0, async start(context) { context.onClose('redis', async () => void closed.push('redis')); throw new Error('no redis'); } },
        config,
        'inline',
      ),
    ).rejects.toThrow('no redis');
    expect(closed).toEqual(['redis']);
  });
});

describe('configPathFromEnv', () => {
  it('prefers CONNECTOR_CONFIG, then config/connector.yaml, then the example', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rt-'));
    expect(configPathFromEnv({ CONNECTOR_CONFIG: 'x.yaml' }, dir)).toBe(join(dir, 'x.yaml'));
    expect(configPathFromEnv({}, dir)).toBe(join(dir, 'config/connector.example.yaml'));
    mkdirSync(join(dir, 'config'));
    writeFileSync(join(dir, 'config/connector.yaml'), '');
    expect(configPathFromEnv({}, dir)).toBe(join(dir, 'config/connector.yaml'));
  });
});
