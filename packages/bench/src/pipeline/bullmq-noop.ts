import { Queue, Worker } from 'bullmq';
import { DEFAULT_JOB_OPTIONS } from '@connector/core';
import { isolatedRedis } from '@connector/testing';

export interface NoopFigures {
  jobs: number;
  addBulkPerSecond: number;
  /** Jobs/s of one worker (concurrency 50) draining a full queue of no-op jobs. */
  processPerSecond: number;
}

const CHUNK = 1_000;

/**
 * The ceiling the pipeline runs under: one worker, concurrency 50, no-op processor, the pipeline's
 * own job options (retries, removeOnComplete), on the same Redis (REDIS_URL or the local default). Jobs are added first, so adding
 * and processing are timed apart.
 */
export async function bullmqNoop(jobs: number): Promise<NoopFigures> {
  const redis = await isolatedRedis('bench_noop');
  const connection = { url: redis.url };
  const queue = new Queue('noop', { connection, prefix: redis.prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
  try {
    const addStart = performance.now();
    for (let i = 0; i < jobs; i += CHUNK) {
      await queue.addBulk(Array.from({ length: Math.min(CHUNK, jobs - i) }, (_, k) => ({ name: 'noop', data: { i: i + k } })));
    }
    const addMs = performance.now() - addStart;

    let done = 0;
    let finished!: () => void;
    const allDone = new Promise<void>((resolve) => (finished = resolve));
    const start = performance.now();
    const worker = new Worker('noop', async () => undefined, { connection, prefix: redis.prefix, concurrency: 50 });
    worker.on('completed', () => {
      if (++done === jobs) finished();
    });
    await allDone;
    const processMs = performance.now() - start;
    await worker.close();
    return { jobs, addBulkPerSecond: Math.round(jobs / (addMs / 1000)), processPerSecond: Math.round(jobs / (processMs / 1000)) };
  } finally {
    await queue.close();
    await redis.cleanup();
  }
}
