import { Queue } from 'bullmq';
import { QUEUES, QUEUE_NAMES, type QueueName } from '@connector/core';
import { waitUntilDrained } from '@connector/scheduling';
import type { ProcessName, RunningSystem } from '@connector/launcher';

export interface CycleTarget {
  /** One mailbox (SMTP address); default every mailbox. */
  mailbox?: string;
  /** One object type (email, contact, appointment, task, absence); default every type. */
  type?: string;
}

export interface CycleOptions {
  timeoutMs?: number;
  /** How long the queues must stay empty before the cycle counts as done. */
  settleMs?: number;
  /** Do not throw when jobs failed for good during the cycle. */
  allowFailures?: boolean;
}

export interface CycleResult {
  durationMs: number;
  /** Poll jobs the scheduler requested. */
  requested: number;
  /** Jobs that failed for good during the cycle, per queue. */
  failed: Partial<Record<QueueName, { id: string | undefined; reason: string }[]>>;
}

const POLL_QUEUES: readonly QueueName[] = [QUEUES.pollExchange, QUEUES.pollCrm];
/** The service that works each queue, to say why jobs stay waiting. */
const CONSUMERS: Record<QueueName, ProcessName> = {
  [QUEUES.pollExchange]: 'exchange-poller',
  [QUEUES.pollCrm]: 'crm-poller',
  [QUEUES.changes]: 'rule-engine',
  [QUEUES.writeExchange]: 'exchange-writer',
  [QUEUES.writeCrm]: 'crm-writer',
};

/**
 * "Sync now" on the scheduler, then waits until the pipeline has nothing left to do. Delayed
 * poll jobs are the next cycles and do not count; delayed jobs on the other queues are retries
 * and do. Fails when a job failed for good or a service died during the cycle.
 */
export class CycleRunner {
  readonly queues: Map<QueueName, Queue>;

  constructor(private readonly system: RunningSystem) {
    this.queues = new Map(QUEUE_NAMES.map((name) => [name, new Queue(name, { connection: { url: system.redisUrl }, prefix: system.redisPrefix })]));
  }

  /** Asks the scheduler for polls now; returns how many it requested. */
  async syncNow(target: CycleTarget = {}): Promise<number> {
    const scheduler = this.system.urls.scheduler;
    if (!scheduler) throw new Error('the scheduler is not part of this system: nothing to ask for a cycle');
    const response = await fetch(`${scheduler}/sync-now`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(target),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`POST ${scheduler}/sync-now ${JSON.stringify(target)} → ${response.status}: ${text}${this.schedulerProblems()}`);
    const { requested } = JSON.parse(text) as { requested?: number };
    if (requested === 0) {
      const known = await (await fetch(`${scheduler}/mailboxes`)).text();
      throw new Error(`the scheduler requested no polls for ${JSON.stringify(target)}: no synced mailbox matches (scheduler's mailboxes: ${known})${this.schedulerProblems()}`);
    }
    return requested ?? 0;
  }

  async drain(options: CycleOptions = {}): Promise<void> {
    const queues = [...this.queues].map(([name, queue]) => ({ queue, delayedCounts: !POLL_QUEUES.includes(name) }));
    try {
      await waitUntilDrained(queues, { timeoutMs: options.timeoutMs ?? 60_000, settleMs: options.settleMs ?? 400 });
    } catch (error) {
      const counts = await this.counts();
      const idle = Object.entries(counts)
        .filter(([name, c]) => (c.waiting ?? 0) > 0 && !this.system.services.get(CONSUMERS[name as QueueName])?.running)
        .map(([name]) => `\n${name} has waiting jobs but ${CONSUMERS[name as QueueName]} is not running`);
      throw new Error(`${(error as Error).message}; queue counts: ${JSON.stringify(counts)}${idle.join('')}${this.deathNotice()}`, { cause: error });
    }
  }

  async runCycle(target: CycleTarget = {}, options: CycleOptions = {}): Promise<CycleResult> {
    const started = Date.now();
    const failedBefore = await this.failedIds();
    const requested = await this.syncNow(target);
    await this.drain(options);
    const failed: CycleResult['failed'] = {};
    for (const [name, queue] of this.queues) {
      const fresh = (await queue.getFailed(0, 200)).filter((job) => !failedBefore.get(name)?.has(`${job.id}:${job.finishedOn}`));
      if (fresh.length > 0) failed[name] = fresh.map((job) => ({ id: job.id, reason: job.failedReason }));
    }
    const death = this.deathNotice();
    if (death) throw new Error(`a service died during the cycle${death}`);
    if (!options.allowFailures && Object.keys(failed).length > 0) {
      throw new Error(`jobs failed during the cycle ${JSON.stringify(target)}:\n${JSON.stringify(failed, null, 2)}`);
    }
    return { durationMs: Date.now() - started, requested, failed };
  }

  /** Waiting, active, delayed and failed jobs per queue; for messages. */
  async counts(): Promise<Record<string, Record<string, number>>> {
    const out: Record<string, Record<string, number>> = {};
    for (const [name, queue] of this.queues) out[name] = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed');
    return out;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
  }

  private async failedIds(): Promise<Map<QueueName, Set<string>>> {
    const out = new Map<QueueName, Set<string>>();
    for (const [name, queue] of this.queues) out.set(name, new Set((await queue.getFailed(0, 200)).map((job) => `${job.id}:${job.finishedOn}`)));
    return out;
  }

  /** The scheduler's recent warnings and errors (pino levels 40+), e.g. why a mailbox is not synced. */
  private schedulerProblems(): string {
    const lines = this.system.services.get('scheduler')?.lastLines().filter((l) => /"level":(40|50|60)/.test(l)) ?? [];
    return lines.length === 0 ? '' : `\nscheduler warnings/errors:\n${lines.slice(-5).map((l) => `  | ${l.slice(0, 400)}`).join('\n')}`;
  }

  private deathNotice(): string {
    const exits = this.system.unexpectedExits();
    return exits.map((e) => `\n${e.name} exited (code ${e.code}, signal ${e.signal}); last lines:\n${e.lastLines.slice(-20).map((l) => `  | ${l}`).join('\n')}`).join('');
  }
}
