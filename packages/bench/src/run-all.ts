/**
 * `pnpm bench`: every benchmark of this package in sequence, then one summary. Sized to finish in
 * under 5 minutes on a 2-core machine: the single-component benchmarks run on 3,000 items, and
 * the pipeline's initial sync gets whatever time is left (BENCH_BUDGET_S overrides that).
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const TOTAL_S = 280;
/** System start-up, seeding, the cycles after convergence, shutdown and the BullMQ run. */
const PIPELINE_OVERHEAD_S = 90;
const started = Date.now();
const elapsed = () => (Date.now() - started) / 1000;

interface Bench {
  title: string;
  file: string;
  args?: string[];
  env?: () => Record<string, string>;
  /** The lines of its output the summary repeats. */
  summary: (lines: string[]) => string[];
}

const BENCHES: Bench[] = [
  {
    title: 'Exchange gateway: initial listing (ews-javascript-api)',
    file: 'exchange-initial-listing.ts',
    args: ['--items', '3000'],
    summary: (lines) => lines.filter((l) => /^(warm, profiled|requests \d|client CPU \d)/.test(l)),
  },
  {
    title: 'CRM.interface: SyncML',
    file: 'crm-syncml.bench.ts',
    env: () => ({ BENCH_ITEMS: '3000' }),
    summary: (lines) => lines.filter((l) => /items\/s|peak RSS/.test(l)),
  },
  {
    title: 'Pipeline: initial sync, quiet cycles, BullMQ ceiling',
    file: 'pipeline/pipeline.bench.ts',
    env: () => ({ ...pipelineEnv(), BENCH_BUDGET_S: process.env.BENCH_BUDGET_S ?? String(Math.max(30, Math.floor(TOTAL_S - elapsed() - PIPELINE_OVERHEAD_S))) }),
    summary: (lines) => lines.slice(lines.findIndex((l) => l.startsWith('── pipeline benchmark'))).filter((l) => l.trim() !== ''),
  },
];

/** BENCH_MAILBOXES / BENCH_ITEMS are the pipeline's; the CRM benchmark reads BENCH_ITEMS too. */
function pipelineEnv(): Record<string, string> {
  const pass = ['BENCH_MAILBOXES', 'BENCH_ITEMS', 'BENCH_EXCHANGE_SHARE', 'BENCH_BULLMQ_JOBS'];
  return Object.fromEntries(pass.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]!]));
}

function run(bench: Bench): Promise<{ lines: string[]; code: number | null }> {
  const env = { ...process.env };
  delete env.BENCH_MAILBOXES;
  delete env.BENCH_ITEMS;
  const file = fileURLToPath(new URL(bench.file, import.meta.url));
  const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', file, ...(bench.args ?? [])], {
    env: { ...env, ...bench.env?.() },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    out += chunk.toString();
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ lines: out.split('\n'), code })));
}

const summary: string[] = [];
let failures = 0;
for (const bench of BENCHES) {
  console.log(`\n═══ ${bench.title} (${elapsed().toFixed(0)} s in) ═══`);
  const { lines, code } = await run(bench);
  summary.push(`\n${bench.title}${code === 0 ? '' : ` — FAILED (exit code ${code})`}`, ...(code === 0 ? bench.summary(lines) : []).map((l) => `  ${l}`));
  if (code !== 0) failures += 1;
}
console.log(`\n═══ summary (all benchmarks in ${elapsed().toFixed(0)} s) ═══${summary.join('\n')}`);
process.exitCode = failures > 0 ? 1 : 0;
