import { DelayedError, Queue, UnrecoverableError, Worker, type Job, type JobsOptions, type WorkerOptions } from 'bullmq';
import { ConnectorError, DEFAULT_JOB_OPTIONS, JobContractError, parseJob, type JobByQueue, type QueueName } from '@connector/core';

/** Where the queues live: config redis.url and redis.prefix (tests: isolatedRedis's url and prefix). */
export interface QueueConnection {
  url: string;
  prefix: string;
}

type JobOptions = Pick<JobsOptions, 'jobId' | 'delay' | 'priority' | 'deduplication'>;

/** A queue whose payloads are checked against the queue's contract before they reach Redis. */
export interface ConnectorQueue<Q extends QueueName> {
  readonly name: Q;
  /** The BullMQ queue itself, for bull-board, getters and schedulers. */
  readonly queue: Queue;
  /** @throws JobContractError (nothing is added) when the payload breaks the contract */
  add(payload: JobByQueue[Q], options?: JobOptions): Promise<Job<JobByQueue[Q]>>;
  /** All or nothing: one bad payload rejects the batch before anything is added. */
  addBulk(jobs: ReadonlyArray<{ payload: JobByQueue[Q]; options?: JobOptions }>): Promise<Job<JobByQueue[Q]>[]>;
  close(): Promise<void>;
}

/**
 * Producers keep ioredis' bounded per-command retries, so adding eventually fails rather than
 * hanging while Redis is away; the default job options (attempts, backoff, retention) come from libs/core.
 */
export function createQueue<Q extends QueueName>(name: Q, connection: QueueConnection): ConnectorQueue<Q> {
  const queue = new Queue(name, {
    connection: { url: connection.url },
    prefix: connection.prefix,
    defaultJobOptions: DEFAULT_JOB_OPTIONS,
  });
  // The job name is the queue name: one job kind per queue, the contract says which. The adds
  // are async so a broken contract is a rejected promise like every other failure to add.
  return {
    name,
    queue,
    add: async (payload, options) => (await queue.add(name, parseJob(name, payload), options)) as Job<JobByQueue[Q]>,
    addBulk: async (jobs) =>
      (await queue.addBulk(jobs.map((j) => ({ name, data: parseJob(name, j.payload), opts: j.options })))) as Job<JobByQueue[Q]>[],
    close: () => queue.close(),
  };
}

export interface WorkerSettings<Q extends QueueName> {
  concurrency?: number;
  /**
   * Called once per job that fails for good (a broken contract, a permanent error, or the last
   * attempt), before BullMQ records the failure: the place to quarantine the item. Its own
   * failure is reported through `onHookError` and never masks the job's error.
   */
  onFinalFailure?: (job: Job, error: unknown, data: JobByQueue[Q] | undefined) => Promise<void>;
  onHookError?: (error: unknown) => void;
  /** Wait for a `throttled` error that does not say how long (`backOffMs`); default 30 s. */
  throttledDelayMs?: number;
  /** Anything else BullMQ's Worker accepts (lock duration, limiter, autorun...). */
  worker?: Omit<Partial<WorkerOptions>, 'connection' | 'prefix' | 'concurrency'>;
}

/** The server's requested pause (e.g. ExchangeThrottledError.backOffMs), when it gave one. */
function backOff(error: ConnectorError): number | undefined {
  const ms = (error as { backOffMs?: unknown }).backOffMs;
  return typeof ms === 'number' && Number.isFinite(ms) && ms > 0 ? ms : undefined;
}

function permanent(error: unknown): boolean {
  return error instanceof UnrecoverableError || (error instanceof ConnectorError && error.kind === 'permanent');
}

/**
 * A worker that validates every payload before the processor sees it. A payload that breaks the
 * contract, or a permanent ConnectorError from the processor, fails the job without retries
 * (UnrecoverableError). A `throttled` ConnectorError delays just this job by the server's pause
 * without spending an attempt (a busy server is no reason to give up on an item; pausing the
 * whole worker would stall every other mailbox). Nothing is shared between calls, so any number of workers in any number
 * of processes can consume the same queue.
 */
export function createWorker<Q extends QueueName, R = unknown>(
  name: Q,
  processor: (data: JobByQueue[Q], job: Job) => Promise<R>,
  connection: QueueConnection,
  settings: WorkerSettings<Q> = {},
): Worker {
  const run = async (job: Job, token?: string): Promise<R> => {
    let data: JobByQueue[Q] | undefined;
    try {
      data = parseJob(name, job.data);
      return await processor(data, job);
    } catch (error) {
      if (error instanceof ConnectorError && error.kind === 'throttled') {
        await job.moveToDelayed(Date.now() + (backOff(error) ?? settings.throttledDelayMs ?? 30_000), token);
        throw new DelayedError();
      }
      const final = permanent(error) || error instanceof JobContractError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      if (final && settings.onFinalFailure) {
        await settings.onFinalFailure(job, error, data).catch((hookError: unknown) => settings.onHookError?.(hookError));
      }
      if (error instanceof JobContractError) throw new UnrecoverableError(error.message);
      if (error instanceof ConnectorError && error.kind === 'permanent') throw new UnrecoverableError(`${error.code}: ${error.message}`);
      throw error;
    }
  };
  return new Worker(name, run, {
    ...settings.worker,
    connection: { url: connection.url, maxRetriesPerRequest: null },
    prefix: connection.prefix,
    concurrency: settings.concurrency ?? 1,
  });
}
