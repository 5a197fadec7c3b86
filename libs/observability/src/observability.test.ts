import { describe, expect, it } from 'vitest';
import { Writable } from 'node:stream';
import Fastify from 'fastify';
import { Counter } from 'prom-client';
import { createLogger, createMetricsRegistry, healthPlugin, jobLogger } from './index.js';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, lines: () => chunks.join('').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe('logger', () => {
  it('redacts secrets and message bodies and binds job context', () => {
    const out = capture();
    const logger = createLogger({ service: 'svc', destination: out.stream });
    jobLogger(logger, { jobId: 'j1', mailbox: 'a@b.c', objectType: 'contact' }).info(
      { exchange: { password: 'hunter2' }, token: 'abc', body: 'private text', itemId: 'x' },
      'hello',
    );
    const [line] = out.lines();
    expect(line).toMatchObject({ service: 'svc', jobId: 'j1', mailbox: 'a@b.c', objectType: 'contact', itemId: 'x' });
    expect(JSON.stringify(line)).not.toContain('hunter2');
    expect(JSON.stringify(line)).not.toContain('private text');
    expect(line?.token).toBe('[redacted]');
  });
});

describe('health plugin', () => {
  it('answers health, readiness with failures, and metrics', async () => {
    const registry = createMetricsRegistry('svc');
    new Counter({ name: 'probe_total', help: 'probe', registers: [registry] }).inc(3);
    let redisUp = true;
    const app = Fastify();
    await app.register(healthPlugin, {
      registry,
      readiness: [
        {
          name: 'redis',
          check: async () => {
            if (!redisUp) throw new Error('connection refused');
          },
        },
      ],
    });
    expect((await app.inject('/health')).json()).toEqual({ status: 'ok' });
    expect((await app.inject('/ready')).statusCode).toBe(200);
    redisUp = false;
    const notReady = await app.inject('/ready');
    expect(notReady.statusCode).toBe(503);
    expect(notReady.json()).toEqual({ status: 'not-ready', failures: { redis: 'connection refused' } });
    const metrics = await app.inject('/metrics');
    expect(metrics.body).toContain('probe_total{service="svc"} 3');
    await app.close();
  });
});
