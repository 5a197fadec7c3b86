import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Registry } from 'prom-client';
import { QUEUES, type PollJob } from '@connector/core';
import { createQueue, createWorker } from '@connector/state';
import { isolatedRedis, type IsolatedRedis } from '@connector/testing';
import { observeQueueDepths, observeWorker } from './metrics.wiring.js';
import type { PipelineQueues } from './queues.wiring.js';

const poll = (mailbox: string): PollJob => ({
  v: 1, side: 'exchange', mailbox, crmUser: 'u', objectType: 'contact', reason: 'schedule', cycleId: 'c', requestedAt: '2026-11-25T10:00:00+00:00',
});

describe('pipeline metrics', () => {
  let redis: IsolatedRedis;
  beforeAll(async () => {
    redis = await isolatedRedis('metrics');
  });
  afterAll(async () => {
    await redis.cleanup();
  });

  it('counts processed jobs by queue, type and outcome, and reports queue depths', async () => {
    const connection = { url: redis.url, prefix: redis.prefix };
    const registry = new Registry();
    const queues = Object.fromEntries(
      (['pollExchange', 'pollCrm', 'changes', 'writeExchange', 'writeCrm'] as const).map((key) => [key, createQueue(QUEUES[key], connection)]),
    ) as unknown as PipelineQueues;
    observeQueueDepths(queues, registry);
    await queues.pollExchange.addBulk([{ payload: poll('a@x.example') }, { payload: poll('b@x.example') }]);
    expect(await registry.getSingleMetricAsString('connector_queue_jobs')).toContain('connector_queue_jobs{queue="poll-exchange",state="waiting"} 2');

    let done = 0;
    const worker = createWorker(QUEUES.pollExchange, async (data) => {
      done += 1;
      if (data.mailbox.startsWith('b')) throw new Error('boom');
      return { outcome: 'polled' };
    }, connection);
    observeWorker(worker, QUEUES.pollExchange, registry);
    const started = Date.now();
    while (Date.now() - started < 10_000) {
      const text = await registry.getSingleMetricAsString('connector_jobs_total');
      if (text.includes('outcome="polled"} 1') && done >= 2 && (await queues.pollExchange.queue.getJobCounts('waiting', 'active')).active === 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await worker.close();
    const text = await registry.getSingleMetricAsString('connector_jobs_total');
    expect(text).toContain('connector_jobs_total{queue="poll-exchange",object_type="contact",direction="none",action="none",outcome="polled"} 1');
    expect(await registry.getSingleMetricAsString('connector_job_duration_seconds')).toContain('connector_job_duration_seconds_count{queue="poll-exchange",object_type="contact"} 1');
    for (const queue of Object.values(queues) as Array<{ close(): Promise<void> }>) await queue.close();
  });
});
