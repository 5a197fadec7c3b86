import { Presets, SingleBar } from 'cli-progress';
import type { JobType, Queue } from 'bullmq';
import { waitUntilDrained } from '@connector/scheduling';
import type { PipelineQueues } from '@connector/wiring';
import { CliError } from './cli.error.js';
import type { Output } from './output.js';

type Watched = { queue: Queue; delayedCounts: boolean };

/** The pipeline's queues as "drained" counts them: delayed polls are the next cycles, other delayed jobs are retries. */
export function watchedQueues(queues: PipelineQueues): Watched[] {
  return [
    { queue: queues.pollExchange.queue, delayedCounts: false },
    { queue: queues.pollCrm.queue, delayedCounts: false },
    { queue: queues.changes.queue, delayedCounts: true },
    { queue: queues.writeExchange.queue, delayedCounts: true },
    { queue: queues.writeCrm.queue, delayedCounts: true },
  ];
}

async function remainingJobs(watched: Watched[]): Promise<number> {
  let total = 0;
  for (const { queue, delayedCounts } of watched) {
    const states: JobType[] = ['waiting', 'active', 'prioritized', 'waiting-children', ...(delayedCounts ? (['delayed'] as const) : [])];
    for (const n of Object.values(await queue.getJobCounts(...states))) total += n;
  }
  return total;
}

/**
 * Waits until the queues stay drained (the scheduler's own criterion, `waitUntilDrained`) while a
 * progress bar on stderr shows the jobs still to do. The total grows as polls fan out into
 * changes and writes, so the bar's end moves with it.
 */
export async function waitWithProgress(queues: PipelineQueues, out: Output, timeoutMs: number): Promise<{ durationMs: number }> {
  const watched = watchedQueues(queues);
  const started = Date.now();
  const bar = out.json ? undefined : new SingleBar({ stream: out.stderr as NodeJS.WritableStream, format: 'draining [{bar}] {value}/{total} jobs done, {remaining} remaining', hideCursor: true }, Presets.shades_classic);
  let seen = 0;
  let done = 0;
  bar?.start(1, 0, { remaining: 0 });
  const update = async () => {
    const remaining = await remainingJobs(watched).catch(() => undefined);
    if (remaining === undefined) return;
    // Jobs done = the most ever outstanding minus what is left, plus any that came and went unseen.
    seen = Math.max(seen, remaining + done);
    done = seen - remaining;
    bar?.setTotal(Math.max(seen, 1));
    bar?.update(done, { remaining });
  };
  const timer = setInterval(() => void update(), 250);
  try {
    await waitUntilDrained(watched, { timeoutMs, settleMs: 500, intervalMs: 100 });
    await update();
  } catch (error) {
    throw new CliError('DRAIN_TIMEOUT', `the queues did not drain within ${Math.round(timeoutMs / 1000)} s (${await remainingJobs(watched).catch(() => '?')} jobs left)`, { cause: String(error) });
  } finally {
    clearInterval(timer);
    bar?.stop();
  }
  return { durationMs: Date.now() - started };
}
