import { v5 as uuidv5 } from 'uuid';
import type { ChangeJob, PollJob } from '@connector/core';
import { DATASTORE_OF, domainFromNative, type CrmChange, type CrmClient, type LuidMapping } from '@connector/crm-client';
import { enqueueChangesThenAdvance, type ConnectorQueue, type LinkStore, type QuarantineStore } from '@connector/state';
import { belongsToMailbox, crmContextOf } from './crm-context.js';

/** Namespace of the link ids the connector gives CRM records it meets first (UUID v5). */
const LINK_NAMESPACE = '6f1c9a52-3e0b-4d8a-a1f3-2c7e5b9d0a44';

export interface CrmPollDeps {
  crm: Pick<CrmClient, 'readChanges'>;
  links: Pick<LinkStore, 'getLink' | 'findByCrmId' | 'listLinks'>;
  quarantine: Pick<QuarantineStore, 'quarantine'>;
  changes: ConnectorQueue<'changes'>;
  crmUserId(mailbox: string): Promise<string | undefined>;
  now?: () => string;
}

export interface CrmPollSummary {
  upserts: number;
  deletes: number;
  dropped: number;
  slowSync: boolean;
}

/**
 * A record's link id: the LUID the CRM already knows, else an existing link's, else one derived
 * from the record itself, so a retried poll maps the record to the same id.
 */
async function linkIdOf(job: PollJob, change: CrmChange, deps: CrmPollDeps): Promise<{ id: string; isNew: boolean }> {
  if (change.luid) return { id: change.luid, isNew: false };
  const existing = await deps.links.findByCrmId(job.mailbox, job.objectType, change.recordId!);
  return { id: existing?.id ?? uuidv5(`${job.mailbox}|${job.objectType}|${change.recordId}`, LINK_NAMESPACE), isNew: true };
}

/** After a slow sync, linked records the CRM no longer sent were deleted while we were not looking. */
async function vanished(job: PollJob, seen: ReadonlySet<string>, deps: CrmPollDeps): Promise<ChangeJob['crm'][]> {
  const gone: NonNullable<ChangeJob['crm']>[] = [];
  let after: string | undefined;
  do {
    const page = await deps.links.listLinks(job.mailbox, job.objectType, { after, limit: 500 });
    for (const link of page.links) if (link.crm && link.state !== 'deleted' && !seen.has(link.crm.recordId)) gone.push({ ...link.crm, luid: link.id });
    after = page.next;
  } while (after);
  return gone;
}

/**
 * One SyncML session of one user and datastore → change jobs. New CRM records are mapped to
 * their link ids (SyncML Map), and the anchor is stored, only after the jobs are enqueued.
 */
export async function pollCrm(job: PollJob, deps: CrmPollDeps): Promise<CrmPollSummary> {
  const now = deps.now ?? (() => new Date().toISOString());
  const read = await deps.crm.readChanges(job.crmUser, DATASTORE_OF[job.objectType]);
  const crmUserId = await deps.crmUserId(job.mailbox);
  const base = { v: 1 as const, origin: 'crm' as const, mailbox: job.mailbox, crmUser: job.crmUser, objectType: job.objectType, cycleId: job.cycleId };
  const summary: CrmPollSummary = { upserts: 0, deletes: 0, dropped: 0, slowSync: read.slowSync };
  const jobs: ChangeJob[] = [];
  const mappings: LuidMapping[] = [];
  const seen = new Set<string>();
  for (const change of read.changes) {
    if (change.op === 'delete') {
      const link = change.luid ? await deps.links.getLink(change.luid) : change.recordId ? await deps.links.findByCrmId(job.mailbox, job.objectType, change.recordId) : null;
      if (!link?.crm) continue; // never synced: nothing to delete
      jobs.push({ ...base, kind: 'delete', crm: { ...link.crm, version: 'deleted', luid: link.id }, linkId: link.id, observedAt: now() });
      summary.deletes += 1;
      continue;
    }
    if (!change.recordId || !change.payload) continue;
    seen.add(change.recordId);
    if (!belongsToMailbox(job.objectType, change.payload, crmUserId)) continue;
    const { id, isNew } = await linkIdOf(job, change, deps);
    if (isNew) mappings.push({ recordId: change.recordId, luid: id });
    try {
      const item = domainFromNative(job.objectType, change.payload);
      const crm = { recordId: change.recordId, version: change.version ?? '0', luid: id };
      jobs.push({ ...base, kind: 'upsert', crm, item, linkId: id, crmContext: crmContextOf(job.objectType, change.payload, crmUserId), observedAt: now() });
      summary.upserts += 1;
    } catch (error) {
      await deps.quarantine.quarantine({
        mailbox: job.mailbox,
        objectType: job.objectType,
        side: 'crm',
        sourceId: change.recordId,
        linkId: id,
        errorCode: 'CRM_RECORD_UNREADABLE',
        reason: error instanceof Error ? error.message : String(error),
        payload: { retry: 'resync', recordId: change.recordId },
      });
      summary.dropped += 1;
    }
  }
  if (read.slowSync) {
    for (const crm of await vanished(job, seen, deps)) {
      jobs.push({ ...base, kind: 'delete', crm: { ...crm!, version: 'deleted' }, linkId: crm!.luid, observedAt: now() });
      summary.deletes += 1;
    }
  }
  await enqueueChangesThenAdvance(deps.changes, jobs, () => read.complete(mappings));
  return summary;
}
