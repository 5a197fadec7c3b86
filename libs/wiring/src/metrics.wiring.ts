import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { Job, Queue, Worker } from 'bullmq';
import type { PipelineQueues } from './queues.wiring.js';

const metricsByRegistry = new WeakMap<Registry, PipelineMetrics>();

/** The pipeline's own metrics, registered once per service registry. */
export class PipelineMetrics {
  readonly jobs: Counter<'queue' | 'object_type' | 'direction' | 'action' | 'outcome'>;
  readonly jobSeconds: Histogram<'queue' | 'object_type'>;
  readonly syncmlMessages: Counter<'direction'>;
  readonly syncmlBytes: Counter<'direction'>;

  private constructor(registry: Registry) {
    this.jobs = new Counter({
      name: 'connector_jobs_total',
      help: 'Jobs processed, by queue, object type, direction, decided action or write outcome, and result',
      labelNames: ['queue', 'object_type', 'direction', 'action', 'outcome'],
      registers: [registry],
    });
    this.jobSeconds = new Histogram({
      name: 'connector_job_duration_seconds',
      help: 'Processing time of one job',
      labelNames: ['queue', 'object_type'],
      buckets: [0.005, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15, 60],
      registers: [registry],
    });
    this.syncmlMessages = new Counter({ name: 'crm_syncml_messages_total', help: 'SyncML messages exchanged with CRM.interface', labelNames: ['direction'], registers: [registry] });
    this.syncmlBytes = new Counter({ name: 'crm_syncml_bytes_total', help: 'Bytes of SyncML exchanged with CRM.interface', labelNames: ['direction'], registers: [registry] });
  }

  static for(registry: Registry): PipelineMetrics {
    let metrics = metricsByRegistry.get(registry);
    if (!metrics) {
      metrics = new PipelineMetrics(registry);
      metricsByRegistry.set(registry, metrics);
    }
    return metrics;
  }
}

interface JobFacts {
  objectType?: string;
  origin?: string;
  target?: string;
  action?: string;
}

function labelsOf(queue: string, job: Job | undefined, result: unknown, outcome: string) {
  const data = (job?.data ?? {}) as JobFacts;
  const returned = (result ?? {}) as { actions?: string[]; outcome?: string };
  return {
    queue,
    object_type: data.objectType ?? 'unknown',
    direction: data.target ? `to-${data.target}` : data.origin ? `from-${data.origin}` : 'none',
    action: data.action ?? returned.actions?.join('+') ?? 'none',
    outcome: returned.outcome ?? outcome,
  };
}

/** Counts a worker's jobs (items synced by type, direction and action) and times them. */
export function observeWorker(worker: Worker, queue: string, registry: Registry): void {
  const metrics = PipelineMetrics.for(registry);
  worker.on('completed', (job, result) => {
    metrics.jobs.inc(labelsOf(queue, job, result, 'done'));
    if (job.finishedOn && job.processedOn)
      metrics.jobSeconds.observe({ queue, object_type: (job.data as JobFacts).objectType ?? 'unknown' }, (job.finishedOn - job.processedOn) / 1000);
  });
  worker.on('failed', (job) => metrics.jobs.inc(labelsOf(queue, job, undefined, 'failed')));
}

/** Queue depths, read from Redis when Prometheus scrapes. */
export function observeQueueDepths(queues: PipelineQueues, registry: Registry): void {
  new Gauge({
    name: 'connector_queue_jobs',
    help: 'Jobs per queue and state',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      for (const { name, queue } of Object.values(queues) as Array<{ name: string; queue: Queue }>) {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized');
        for (const [state, count] of Object.entries(counts)) this.set({ queue: name, state }, count);
      }
    },
  });
}
