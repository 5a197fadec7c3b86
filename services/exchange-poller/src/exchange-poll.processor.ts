import type { ChangeJob, ObjectType, PollJob } from '@connector/core';
import type { Rules } from '@connector/config';
import { ExchangeError, type ChangePage, type ExchangePort, type FetchedItem } from '@connector/exchange';
import type { Logger } from '@connector/observability';
import { enqueueChangesThenAdvance, type ConnectorQueue, type CursorStore, type LinkStore, type QuarantineStore } from '@connector/state';
import { cursorKey, folderForType } from './folder-for-type.js';

export interface ExchangePollDeps {
  exchange: ExchangePort;
  cursors: CursorStore;
  links: Pick<LinkStore, 'getLink'>;
  quarantine: Pick<QuarantineStore, 'quarantine'>;
  changes: ConnectorQueue<'changes'>;
  rulesFor(mailbox: string): Rules;
  logger: Logger;
  now?: () => string;
}

export interface ExchangePollSummary {
  pages: number;
  upserts: number;
  deletes: number;
  dropped: number;
  fullSync: boolean;
}

/**
 * An item in a shared folder belongs to this poll's type unless the connector stamped it for
 * another type: absences live in the calendar beside appointments.
 */
async function belongsToType(fetched: FetchedItem<ObjectType>, objectType: ObjectType, links: ExchangePollDeps['links']): Promise<boolean> {
  const linkId = fetched.markers.linkId;
  if (!linkId) return objectType !== 'absence';
  const link = await links.getLink(linkId);
  if (!link) return objectType !== 'absence';
  return link.objectType === objectType;
}

async function pageJobs(job: PollJob, page: ChangePage, deps: ExchangePollDeps, summary: ExchangePollSummary): Promise<ChangeJob[]> {
  const now = deps.now ?? (() => new Date().toISOString());
  const base = { v: 1 as const, origin: 'exchange' as const, mailbox: job.mailbox, crmUser: job.crmUser, objectType: job.objectType, cycleId: job.cycleId };
  const jobs: ChangeJob[] = [];
  const upserted = page.changes.filter((c) => c.kind === 'created' || c.kind === 'updated').map((c) => c.itemId);
  const fetched = upserted.length > 0 ? await deps.exchange.getItems(job.mailbox, job.objectType, upserted) : [];
  for (const [index, result] of fetched.entries()) {
    if (!result.ok) {
      if (result.error.code === 'EXCHANGE_ITEM_NOT_FOUND') continue; // deleted since the page was read; its delete follows
      const itemId = result.itemId ?? upserted[index] ?? 'unknown';
      // The sync state moves on; a retry re-reads this one item by id.
      await deps.quarantine.quarantine({
        mailbox: job.mailbox,
        objectType: job.objectType,
        side: 'exchange',
        sourceId: itemId,
        errorCode: result.error.code,
        reason: result.error.message,
        payload: { retry: 'refetch', itemId },
      });
      summary.dropped += 1;
      continue;
    }
    if (!(await belongsToType(result.value, job.objectType, deps.links))) {
      summary.dropped += 1;
      continue;
    }
    jobs.push({ ...base, kind: 'upsert', exchange: result.value.ref, item: result.value.item, linkId: result.value.markers.linkId, observedAt: now() });
    summary.upserts += 1;
  }
  for (const change of page.changes) {
    if (change.kind !== 'deleted') continue;
    jobs.push({ ...base, kind: 'delete', exchange: { itemId: change.itemId, changeKey: 'deleted' }, observedAt: now() });
    summary.deletes += 1;
  }
  return jobs;
}

/**
 * One poll of one mailbox and type: pages of SyncFolderItems → change jobs. The sync state
 * advances only after a page's jobs are enqueued; a state Exchange no longer accepts is dropped
 * and the folder re-read from scratch (the rule engine re-matches against the links).
 */
export async function pollExchange(job: PollJob, deps: ExchangePollDeps): Promise<ExchangePollSummary> {
  const rules = deps.rulesFor(job.mailbox);
  const { path, create } = folderForType(job.objectType, rules);
  const folder = await deps.exchange.resolveFolder(job.mailbox, path, { create });
  const summary: ExchangePollSummary = { pages: 0, upserts: 0, deletes: 0, dropped: 0, fullSync: false };
  const folderIds = job.objectType === 'email' ? await mailFolders(job.mailbox, folder.folderId, rules.email.failureFolder, deps) : [folder.folderId];
  for (const folderId of folderIds) await pollFolder(job, path, folderId, deps, summary);
  return summary;
}

/**
 * The mail sync folder and its subfolders, at any depth, except the failure folder (and what is
 * below it): mails that failed are out of the way until someone retries them.
 */
async function mailFolders(mailbox: string, root: string, failureFolder: string | undefined, deps: ExchangePollDeps): Promise<string[]> {
  const below = await deps.exchange.listSubfolders(mailbox, root);
  const excluded = new Set(below.filter((f) => failureFolder && f.parentId === root && f.displayName.toLowerCase() === failureFolder.toLowerCase()).map((f) => f.folderId));
  for (let grew = true; grew; ) {
    grew = false;
    for (const f of below) {
      if (!excluded.has(f.parentId) || excluded.has(f.folderId)) continue;
      excluded.add(f.folderId);
      grew = true;
    }
  }
  return [root, ...below.map((f) => f.folderId).filter((id) => !excluded.has(id))];
}

/** One folder's change feed, each folder with its own sync state. */
async function pollFolder(job: PollJob, path: string, folderId: string, deps: ExchangePollDeps, summary: ExchangePollSummary): Promise<void> {
  const key = cursorKey(job.objectType, folderId);
  let syncState = (await deps.cursors.getSyncState(job.mailbox, key)) ?? undefined;
  if (syncState === undefined) summary.fullSync = true;
  for (;;) {
    let page: ChangePage;
    try {
      page = await deps.exchange.syncFolderItems(job.mailbox, { folderId, syncState });
    } catch (error) {
      if (error instanceof ExchangeError && error.code === 'EXCHANGE_INVALID_SYNC_STATE' && syncState !== undefined) {
        deps.logger.warn({ folder: path }, 'sync state rejected; reading the folder from scratch');
        await deps.cursors.deleteSyncState(job.mailbox, key);
        syncState = undefined;
        summary.fullSync = true;
        continue;
      }
      throw error;
    }
    summary.pages += 1;
    const jobs = await pageJobs(job, page, deps, summary);
    const next = page.syncState;
    await enqueueChangesThenAdvance(deps.changes, jobs, () => deps.cursors.setSyncState(job.mailbox, key, next));
    syncState = next;
    if (!page.moreAvailable) return;
  }
}
