import type { E2eSystem } from '@connector/e2e';
import { diff, readCounters, type CounterDelta, type SideCounters } from './counters.js';

/** How long the queues must stay empty; taken off the cycle's duration. */
const SETTLE_MS = 500;

export interface MeasuredCycle {
  /** From sync-now until the queues drained (or the budget ran out). */
  seconds: number;
  /** False when the budget ran out before the queues drained. */
  converged: boolean;
  counters: CounterDelta;
  /** Jobs that failed for good during the cycle (all queues). */
  failedJobs: number;
  /** Failure reasons of a sample (the cycle runner reads at most 200 failed jobs per queue). */
  failedReasons: Record<string, number>;
}

async function failedCount(e2e: E2eSystem): Promise<number> {
  return Object.values(await e2e.cycles.counts()).reduce((n, c) => n + (c.failed ?? 0), 0);
}

/** One progress line every 5 s, so a stall or a collapse shows while it happens. */
function progress(e2e: E2eSystem, start: SideCounters): () => void {
  const t0 = Date.now();
  const timer = setInterval(() => {
    void Promise.all([readCounters(e2e), e2e.cycles.counts()]).then(([now, queues]) => {
      const d = diff(start, now);
      const backlog = Object.entries(queues).map(([q, c]) => `${q} ${(c.waiting ?? 0) + (c.prioritized ?? 0)}w/${c.active}a/${c.delayed}d/${c.failed}f`).join(' ');
      console.log(`  ${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s: EWS creates ${d.ewsWrites.creates}, CRM changes ${d.crmChanges}, EWS req ${d.ewsRequests}, SyncML req ${d.syncmlRequests} | ${backlog}`);
    }, () => undefined);
  }, 5_000);
  return () => clearInterval(timer);
}

/**
 * "Sync now" for every mailbox and type, then counters and failures once the queues drained. When
 * `budgetMs` runs out first, the figures are those of the budget (converged: false) and the pipeline
 * is left working: the caller stops the system.
 */
export async function measuredCycle(e2e: E2eSystem, budgetMs: number, showProgress = false): Promise<MeasuredCycle> {
  const failedBefore = await failedCount(e2e);
  const before = await readCounters(e2e);
  const stopProgress = showProgress ? progress(e2e, before) : () => undefined;
  const started = Date.now();
  let converged = true;
  let failed: Record<string, { reason: string }[]> = {};
  try {
    const result = await e2e.runCycle({}, { timeoutMs: budgetMs, settleMs: SETTLE_MS, allowFailures: true });
    failed = result.failed;
  } catch (error) {
    if (!(error instanceof Error) || !error.message.startsWith('queues not drained')) throw error;
    converged = false;
  } finally {
    stopProgress();
  }
  const seconds = converged ? (Date.now() - started - SETTLE_MS) / 1000 : budgetMs / 1000;
  const counters = diff(before, await readCounters(e2e));
  const failedReasons: Record<string, number> = {};
  for (const [queue, list] of Object.entries(failed)) {
    for (const { reason } of list) {
      const key = `${queue}: ${reason.slice(0, 160)}`;
      failedReasons[key] = (failedReasons[key] ?? 0) + 1;
    }
  }
  return { seconds, converged, counters, failedJobs: (await failedCount(e2e)) - failedBefore, failedReasons };
}
