import { QUEUES, parseJob } from '@connector/core';
import { observedChangeJobId } from '../cursors/enqueue-then-advance.js';
import type { ConnectorQueue } from '../queues/queue-factory.js';
import type { QuarantineEntry, QuarantineStore } from './quarantine-store.port.js';

/**
 * "Retry" from the dashboard or CLI: enqueues the quarantined change job again, then releases the
 * entry. The job gets a fresh id per quarantine round (`-r<attempts>`): under its original id
 * BullMQ would silently ignore it while the failed job is retained (a week). Enqueue comes first,
 * so a failure leaves the entry open to retry; two clicks add one job (same id) and release once.
 *
 * @returns the released entry, or null when it is unknown or was already released
 * @throws JobContractError when the stored payload is not a valid change job (nothing changes)
 */
export async function requeueQuarantined(
  store: QuarantineStore,
  changes: ConnectorQueue<'changes'>,
  entry: Pick<QuarantineEntry, 'id' | 'payload' | 'attempts' | 'releasedAt'>,
): Promise<QuarantineEntry | null> {
  if (entry.releasedAt !== undefined) return null;
  const job = parseJob(QUEUES.changes, entry.payload);
  await changes.add(job, { jobId: `${observedChangeJobId(job)}-r${entry.attempts}` });
  return store.releaseQuarantine(entry.id);
}
