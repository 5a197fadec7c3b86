/**
 * Issue 6: initial sync of N mailboxes × M items through the whole pipeline (both simulators and
 * the six services as processes), the cycles after convergence, and bare BullMQ no-op throughput
 * on the same Redis for comparison. Prints the figures and writes them as JSON to bench-results/.
 *   pnpm --filter @connector/bench bench:pipeline   (pnpm bench runs it with the other benchmarks)
 *   BENCH_MAILBOXES=20 BENCH_ITEMS=1000 BENCH_EXCHANGE_SHARE=0.1 BENCH_BULLMQ_JOBS=20000 BENCH_BUDGET_S=0
 *   or --mailboxes 20 --items 1000 --exchange-share 0.1 --bullmq-jobs 20000 --budget-s 0
 */
import { loadavg } from 'node:os';
import { startE2eSystem } from '@connector/e2e';
import { bullmqNoop } from './bullmq-noop.js';
import { cpuSeconds, peakRss } from './counters.js';
import { measuredCycle, type MeasuredCycle } from './cycle.js';
import { machine, readParams, splitItems } from './params.js';
import { printReport, writeReport, type PipelineReport } from './report.js';
import { benchMailboxes, seedPipeline } from './seed.js';

const params = readParams();
const split = splitItems(params);
const expected = { exchangeCreates: params.mailboxes * (split.crmAppointments + split.contacts), crmCreates: params.mailboxes * split.exchangeAppointments };
const atStart = machine();
console.log(`pipeline bench: ${params.mailboxes} mailboxes × ${params.items} items (${split.crmAppointments} CRM appointments + ${split.exchangeAppointments} Exchange appointments + ${split.contacts} CRM contacts each), load average ${atStart.loadAvg1m.toFixed(1)}`);

const started = performance.now();
const e2e = await startE2eSystem({ label: 'bench_pipeline', mailboxes: benchMailboxes(params.mailboxes), launcher: { logLevel: 'info', startTimeoutMs: 120_000 } });
let report: Omit<PipelineReport, 'bullmq' | 'ratio'>;
try {
  const startupSeconds = (performance.now() - started) / 1000;
  const seedStart = performance.now();
  await seedPipeline(e2e, params);
  const seedSeconds = (performance.now() - seedStart) / 1000;
  console.log(`system up in ${startupSeconds.toFixed(1)} s, seeded in ${seedSeconds.toFixed(1)} s; initial sync…`);

  const cpuBefore = cpuSeconds(e2e);
  const initial = await measuredCycle(e2e, params.budgetMs, true);
  const cpuAfter = cpuSeconds(e2e);
  const cpu = Object.fromEntries(Object.entries(cpuAfter).map(([name, s]) => [name, Math.round((s - (cpuBefore[name] ?? 0)) * 10) / 10]));
  // Items a converged sync handled; within a budget, those written or failed for good so far.
  const items = initial.converged ? params.mailboxes * params.items : initial.counters.ewsWrites.creates + initial.counters.crmChanges + initial.failedJobs;
  const after: MeasuredCycle[] = [];
  if (initial.converged) {
    // The first cycle reads the connector's own writes back (echoes); the second is the steady state.
    for (let i = 0; i < 2; i++) after.push(await measuredCycle(e2e, 120_000));
  } else {
    console.log(`budget of ${params.budgetMs / 1000} s ran out before the queues drained: figures are those of the budget, no quiet cycle`);
  }
  report = {
    machine: atStart, params, startupSeconds, seedSeconds, expected,
    initial: { ...initial, cpuSeconds: cpu, items, itemsPerSecond: items / initial.seconds, ewsPerItem: initial.counters.ewsRequests / items, syncmlPerItem: initial.counters.syncmlRequests / items },
    after, peakRssMb: peakRss(e2e), loadAvgAtEnd: loadavg()[0]!,
  };
} finally {
  await e2e.close();
}
console.log('bare BullMQ no-op jobs…');
const bullmq = await bullmqNoop(params.bullmqJobs);
const full: PipelineReport = { ...report, bullmq, ratio: report.initial.itemsPerSecond / bullmq.processPerSecond };
printReport(full);
console.log(`\nwritten to ${writeReport(full)}`);
