import { afterAll, beforeAll, expect, it } from 'vitest';
import { QUEUES } from '@connector/core';
import { createWorker } from '@connector/state';
import { isolatedRedis, type IsolatedRedis } from '@connector/testing';
import { openPipelineQueues, type PipelineQueues } from '@connector/wiring';
import type { ConnectorConfig } from '@connector/config';
import { waitWithProgress } from './drain-progress.js';
import { Output } from './output.js';
import { changeJob } from './test-support/fixtures.test-support.js';

let redis: IsolatedRedis;
let queues: PipelineQueues;
const closers: Array<() => Promise<void>> = [];

beforeAll(async () => {
  redis = await isolatedRedis('cli-progress');
  queues = openPipelineQueues({ config: { redis: { url: redis.url, prefix: redis.prefix } } as ConnectorConfig, onClose: (_n, close) => void closers.push(close) });
});
afterAll(async () => {
  for (const close of closers) await close();
  await redis.cleanup();
});

it('shows the jobs done and remaining on a terminal until the queues drain', async () => {
  let screen = '';
  const terminal = { isTTY: true, columns: 120, write: (s: string) => ((screen += s), true) };
  const out = new Output({ stdout: { write: () => true }, stderr: terminal, env: {}, cwd: '.' }, false);
  for (const id of ['A', 'B', 'C']) await queues.changes.add(changeJob('alice@demo.example', id));
  const worker = createWorker(QUEUES.changes, () => new Promise((r) => setTimeout(r, 300)), { url: redis.url, prefix: redis.prefix });
  closers.unshift(() => worker.close());
  await waitWithProgress(queues, out, 20_000);
  expect(screen).toMatch(/draining \[.*\] \d\/3 jobs done, [123] remaining/);
  expect(screen).toMatch(/draining \[.*\] 3\/3 jobs done, 0 remaining/);
});
