import { createHash } from 'node:crypto';
import { JobContractError, QUEUES, changeJobId, type ChangeJob } from '@connector/core';
import type { ConnectorQueue } from '../queues/queue-factory.js';

/**
 * The job id of one observed version of an item: the item key of libs/core plus a hash of the
 * version seen. Re-reading a page after a crash yields the same ids, so BullMQ ignores the
 * repeats; a later change to the same item has a new version and is never swallowed by the
 * completed job BullMQ still keeps (removeOnComplete retains completed jobs for an hour).
 */
export function observedChangeJobId(job: ChangeJob): string {
  const seen =
    job.origin === 'exchange'
      ? job.exchange && { id: job.exchange.itemId, version: job.exchange.changeKey }
      : job.crm && { id: job.crm.recordId, version: job.crm.version };
  if (!seen) throw new JobContractError(QUEUES.changes, [{ path: job.origin, message: `a change from ${job.origin} carries its ${job.origin} reference` }]);
  const version = createHash('sha256').update(`${job.kind}\n${seen.version}`).digest('hex').slice(0, 16);
  return `${changeJobId(job.mailbox, job.objectType, job.origin, seen.id)}-${version}`;
}

/**
 * Enqueues a page's change jobs, and only then saves the cursor past that page. A crash (or a
 * failed save) in between leaves the old cursor: the next cycle reads the same page again and
 * re-enqueues it under the same job ids: at least once, never lost. A page that fails to enqueue
 * (Redis away, a payload that breaks the contract) never advances the cursor.
 */
export async function enqueueChangesThenAdvance(
  queue: ConnectorQueue<'changes'>,
  jobs: readonly ChangeJob[],
  saveCursor: () => Promise<void>,
): Promise<{ jobIds: string[] }> {
  const added = await queue.addBulk(jobs.map((payload) => ({ payload, options: { jobId: observedChangeJobId(payload) } })));
  await saveCursor();
  return { jobIds: added.map((job) => job.id ?? '') };
}
