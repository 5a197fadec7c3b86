import type { Rules } from '@connector/config';
import { ExchangeError, type ExchangePort } from '@connector/exchange';
import type { LinkStore } from '@connector/state';
import type { PlanTarget, SideRead } from './planned-change.js';

/** Where the exchange-poller keeps a folder's sync state: appointments and absences share the calendar. */
function cursorKey(target: PlanTarget, folderId: string): string {
  return `${target.objectType}|${folderId}`;
}

/**
 * The Exchange changes the next poll would see, read like the exchange-poller reads them
 * (SyncFolderItems from the stored sync state, GetItem for created/updated ids) but read-only:
 * the new sync state is never saved, a rejected one is not deleted, a missing folder is not
 * created. SyncFolderItems and GetItem change nothing in the mailbox.
 */
export async function readExchangeChanges(
  exchange: ExchangePort,
  cursors: { getSyncState(mailbox: string, folderId: string): Promise<string | null> },
  links: Pick<LinkStore, 'getLink'>,
  target: PlanTarget,
  rules: Rules,
): Promise<SideRead> {
  const read: SideRead = { changes: [], unreadable: [], notes: [] };
  const path = rules[target.objectType].folder;
  let folderId: string;
  try {
    folderId = (await exchange.resolveFolder(target.mailbox, path, { create: false })).folderId;
  } catch (error) {
    if (error instanceof ExchangeError && error.code === 'EXCHANGE_FOLDER_NOT_FOUND') {
      read.notes.push(`folder ${path} does not exist yet; the next cycle creates it (empty)`);
      return read;
    }
    throw error;
  }
  let syncState = (await cursors.getSyncState(target.mailbox, cursorKey(target, folderId))) ?? undefined;
  if (syncState === undefined) read.notes.push(`no sync state for ${path}: the next cycle enumerates the whole folder`);
  for (;;) {
    let page;
    try {
      page = await exchange.syncFolderItems(target.mailbox, { folderId, syncState });
    } catch (error) {
      if (error instanceof ExchangeError && error.code === 'EXCHANGE_INVALID_SYNC_STATE' && syncState !== undefined) {
        read.notes.push(`the stored sync state of ${path} is rejected: the next cycle re-reads the folder from scratch`);
        syncState = undefined;
        continue;
      }
      throw error;
    }
    const ids = page.changes.filter((c) => c.kind === 'created' || c.kind === 'updated').map((c) => c.itemId);
    const fetched = ids.length > 0 ? await exchange.getItems(target.mailbox, target.objectType, ids) : [];
    for (const [index, result] of fetched.entries()) {
      if (!result.ok) {
        if (result.error.code !== 'EXCHANGE_ITEM_NOT_FOUND') read.unreadable.push({ side: 'exchange', id: result.itemId ?? ids[index] ?? 'unknown', reason: result.error.message });
        continue;
      }
      // Absences and appointments share the calendar: an item stamped for another type is not this type's.
      const linkId = result.value.markers.linkId;
      const link = linkId ? await links.getLink(linkId) : null;
      if (link ? link.objectType !== target.objectType : target.objectType === 'absence') continue;
      read.changes.push({ origin: 'exchange', kind: 'upsert', exchange: result.value.ref, item: result.value.item, linkId });
    }
    for (const change of page.changes) {
      if (change.kind === 'deleted') read.changes.push({ origin: 'exchange', kind: 'delete', exchange: { itemId: change.itemId, changeKey: 'deleted' } });
    }
    syncState = page.syncState;
    if (!page.moreAvailable) return read;
  }
}
