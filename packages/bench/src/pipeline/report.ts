import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NoopFigures } from './bullmq-noop.js';
import type { CounterDelta } from './counters.js';
import type { MeasuredCycle } from './cycle.js';
import type { machine, PipelineParams } from './params.js';

export interface PipelineReport {
  machine: ReturnType<typeof machine>;
  params: PipelineParams;
  startupSeconds: number;
  seedSeconds: number;
  expected: { exchangeCreates: number; crmCreates: number };
  initial: MeasuredCycle & { cpuSeconds: Record<string, number>; items: number; itemsPerSecond: number; ewsPerItem: number; syncmlPerItem: number };
  /** The cycles after a converged initial sync: echoes of the connector's own writes, then steady state. */
  after: MeasuredCycle[];
  peakRssMb: Record<string, { peakMb: number; nowMb: number }>;
  loadAvgAtEnd: number;
  bullmq: NoopFigures;
  /** Pipeline items/s ÷ bare no-op jobs/s. */
  ratio: number;
}

const RESULTS_DIR = fileURLToPath(new URL('../../../../bench-results/', import.meta.url));
const ops = (byOp: Record<string, number>) => Object.entries(byOp).sort((a, b) => b[1] - a[1]).map(([op, n]) => `${op} ${n}`).join(', ') || 'none';
const writes = (c: CounterDelta) => `EWS creates/updates/deletes ${c.ewsWrites.creates}/${c.ewsWrites.updates}/${c.ewsWrites.deletes}, CRM change sequence +${c.crmChanges}`;

export function printReport(r: PipelineReport): void {
  const { initial: i } = r;
  const line = (label: string, value: string) => console.log(`${label.padEnd(36)} ${value}`);
  const m = r.machine;
  console.log(`\n── pipeline benchmark ── ${m.cores} cores (${m.cpu}), ${m.memoryGb} GB, node ${m.node}; load average ${m.loadAvg1m.toFixed(1)} at start, ${r.loadAvgAtEnd.toFixed(1)} at end`);
  line('mailboxes × items', `${r.params.mailboxes} × ${r.params.items} (system up in ${r.startupSeconds.toFixed(1)} s, seeded in ${r.seedSeconds.toFixed(1)} s)`);
  line(`initial sync${i.converged ? ', sync-now → drained' : ' (budget ran out)'}`, `${i.items} items in ${i.seconds.toFixed(1)} s = ${i.itemsPerSecond.toFixed(1)} items/s`);
  line('  written', `${writes(i.counters)} (a full sync: ${r.expected.exchangeCreates} EWS creates, ${r.expected.crmCreates} CRM creates)`);
  line('  failed for good', String(i.failedJobs));
  for (const [reason, n] of Object.entries(i.failedReasons)) line('', `${n}× ${reason}`);
  line('  EWS requests', `${i.counters.ewsRequests} = ${i.ewsPerItem.toFixed(2)}/item (${ops(i.counters.ewsByOperation)})`);
  line('  SyncML requests (POST /syncml)', `${i.counters.syncmlRequests} = ${i.syncmlPerItem.toFixed(3)}/item (from CRM.interface's request log)`);
  const cpuTotal = Object.values(i.cpuSeconds).reduce((a, b) => a + b, 0);
  line('  CPU seconds per process', `${Object.entries(i.cpuSeconds).sort((a, b) => b[1] - a[1]).map(([name, sec]) => `${name} ${sec}`).join(', ')} (total ${cpuTotal.toFixed(0)} = ${((cpuTotal * 1000) / i.items).toFixed(1)} core-ms/item)`);
  r.after.forEach((c, n) => {
    line(n === 0 ? 'next cycle (reads its echoes)' : 'quiet cycle', `${c.seconds.toFixed(1)} s; ${writes(c.counters)}; failed jobs ${c.failedJobs}`);
    line('  EWS requests', `${c.counters.ewsRequests} (${ops(c.counters.ewsByOperation)})`);
    line('  SyncML requests', String(c.counters.syncmlRequests));
  });
  line('peak RSS (VmHWM) per process', Object.entries(r.peakRssMb).map(([name, mb]) => `${name} ${mb.peakMb} MB`).join(', '));
  line('bare BullMQ no-op (1 worker, c=50)', `${r.bullmq.jobs} jobs: addBulk ${r.bullmq.addBulkPerSecond}/s, processed ${r.bullmq.processPerSecond}/s`);
  line('pipeline items/s ÷ no-op jobs/s', `${(r.ratio * 100).toFixed(2)} %`);
}

export function writeReport(r: PipelineReport): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = join(RESULTS_DIR, `pipeline-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(r, null, 2)}\n`);
  return file;
}
