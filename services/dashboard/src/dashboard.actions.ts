import { JobContractError, OBJECT_TYPES, type ObjectType, type Side } from '@connector/core';
import { pollSides, requestPoll } from '@connector/scheduling';
import { requeueQuarantined } from '@connector/state';
import { LIST_LIMIT } from './dashboard-data.js';
import type { DashboardDeps } from './dashboard.deps.js';

/** What an action did; the pages turn it into a flash message, the API into a status code. */
export type ActionOutcome =
  | 'retried'
  | 'retry-gone'
  | 'retry-invalid'
  | 'resolved'
  | 'resolve-gone'
  | 'sync-requested'
  | 'sync-nothing'
  | 'sync-unknown'
  | 'sync-disabled';

export interface ActionResult {
  outcome: ActionOutcome;
  detail?: string;
  polls?: Array<{ objectType: ObjectType; side: Side }>;
}

/**
 * "Retry": enqueue the quarantined change again and release the entry (requeueQuarantined). The
 * id must belong to this mailbox, so a URL cannot retry another mailbox's item by accident.
 */
export async function retryQuarantined(deps: DashboardDeps, mailbox: string, id: string): Promise<ActionResult> {
  const entry = (await deps.stores.quarantine.listQuarantine(mailbox, { limit: LIST_LIMIT })).find((q) => q.id === id);
  if (!entry) return { outcome: 'retry-gone' };
  try {
    const released = await requeueQuarantined(deps.stores.quarantine, deps.queues.changes, entry);
    return { outcome: released ? 'retried' : 'retry-gone' };
  } catch (error) {
    // Only change jobs can be re-enqueued; anything else stays quarantined and visible.
    if (error instanceof JobContractError) return { outcome: 'retry-invalid', detail: error.message };
    throw error;
  }
}

export async function resolveConflict(deps: DashboardDeps, mailbox: string, id: string): Promise<ActionResult> {
  const open = await deps.stores.conflicts.listConflicts(mailbox, { limit: LIST_LIMIT });
  if (!open.some((c) => c.id === id)) return { outcome: 'resolve-gone' };
  return { outcome: (await deps.stores.conflicts.resolveConflict(id)) ? 'resolved' : 'resolve-gone' };
}

/** "Sync now": a poll now for every enabled object type and every side its rule reads. */
export async function syncNow(deps: DashboardDeps, mailbox: string): Promise<ActionResult> {
  const wanted = mailbox.toLowerCase();
  const entry = (await deps.registry.list()).find((e) => e.smtp.toLowerCase() === wanted);
  if (!entry) return { outcome: 'sync-unknown' };
  const status = await deps.stores.mailboxes.mailboxStatus(entry.smtp);
  if (status && !status.enabled) return { outcome: 'sync-disabled' };
  const rules = deps.rulesFor(entry.smtp);
  const polls = OBJECT_TYPES.flatMap((objectType) => pollSides(objectType, rules).map((side) => ({ objectType, side })));
  const queues = { exchange: deps.queues.pollExchange, crm: deps.queues.pollCrm };
  for (const poll of polls) {
    await requestPoll(queues, { mailbox: entry.smtp, crmUser: entry.crmUser, ...poll }, { kind: 'now' }, 'sync-now');
  }
  return { outcome: polls.length > 0 ? 'sync-requested' : 'sync-nothing', polls };
}
