import type { JobType, Queue } from 'bullmq';

/**
 * Whether the pipeline has nothing left to do now. Delayed poll jobs are the next cycles and do
 * not count; delayed jobs on the other queues are retries and do.
 */
export async function isDrained(queues: { queue: Queue; delayedCounts: boolean }[]): Promise<boolean> {
  for (const { queue, delayedCounts } of queues) {
    const states: JobType[] = ['waiting', 'active', 'prioritized', 'waiting-children', ...(delayedCounts ? (['delayed'] as const) : [])];
    const counts = await queue.getJobCounts(...states);
    if (Object.values(counts).some((n) => n > 0)) return false;
  }
  return true;
}

/**
 * Waits until the queues stay drained for `settleMs` (a poll job finishing adds change jobs a
 * moment later, so one empty reading is not enough).
 */
export async function waitUntilDrained(
  queues: { queue: Queue; delayedCounts: boolean }[],
  options: { timeoutMs: number; settleMs?: number; intervalMs?: number },
): Promise<void> {
  const settle = options.settleMs ?? 300;
  const interval = options.intervalMs ?? 50;
  const deadline = Date.now() + options.timeoutMs;
  let drainedSince: number | undefined;
  while (Date.now() < deadline) {
    if (await isDrained(queues)) {
      drainedSince ??= Date.now();
      if (Date.now() - drainedSince >= settle) return;
    } else {
      drainedSince = undefined;
    }
    await new Promise((r) => setTimeout(r, interval));
  }
  throw new Error(`queues not drained after ${options.timeoutMs} ms`);
}
