import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

export interface PipelineParams {
  mailboxes: number;
  /** Items per mailbox: appointments + contacts. */
  items: number;
  /** Share of the appointments created in Exchange (flowing to the CRM); the rest come from the CRM. */
  exchangeShare: number;
  bullmqJobs: number;
  /** Time allowed for the initial sync; when it runs out, the figures are those of the budget. */
  budgetMs: number;
}

/** `--mailboxes 20` on the command line wins over `BENCH_MAILBOXES=20`, which wins over the default. */
export function readParams(argv: string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): PipelineParams {
  const pick = (flag: string, variable: string, fallback: number): number => {
    const i = argv.indexOf(`--${flag}`);
    const raw = i === -1 ? env[variable] : argv[i + 1];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${flag} / ${variable} must be a non-negative number, got ${raw}`);
    return value;
  };
  const params = {
    mailboxes: Math.trunc(pick('mailboxes', 'BENCH_MAILBOXES', 20)),
    items: Math.trunc(pick('items', 'BENCH_ITEMS', 1_000)),
    exchangeShare: pick('exchange-share', 'BENCH_EXCHANGE_SHARE', 0.1),
    bullmqJobs: Math.trunc(pick('bullmq-jobs', 'BENCH_BULLMQ_JOBS', 20_000)),
    // 0: until drained (at most 30 minutes).
    budgetMs: (pick('budget-s', 'BENCH_BUDGET_S', 0) || 1_800) * 1000,
  };
  if (params.mailboxes < 1 || params.items < 2) throw new Error('at least 1 mailbox and 2 items per mailbox');
  if (params.exchangeShare > 1) throw new Error('BENCH_EXCHANGE_SHARE is a share between 0 and 1');
  return params;
}

/** How the items of one mailbox split into CRM appointments, Exchange appointments and CRM contacts. */
export function splitItems(params: PipelineParams): { crmAppointments: number; exchangeAppointments: number; contacts: number } {
  const appointments = Math.ceil(params.items / 2);
  const exchangeAppointments = Math.round(appointments * params.exchangeShare);
  return { crmAppointments: appointments - exchangeAppointments, exchangeAppointments, contacts: params.items - appointments };
}

/** The machine, with its 1-minute load average: other work on a 2-core box moves every figure. */
export function machine() {
  return { cores: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, loadAvg1m: loadavg()[0]! };
}
