import type { ObjectType } from '@connector/core';
import type { ExchangePort, FetchedItem, ItemResult } from '../exchange.port.js';

export interface ListingResult<T extends ObjectType> {
  results: ItemResult<FetchedItem<T>>[];
  syncState: string;
  pages: number;
}

/**
 * A folder's full enumeration the way the poller does its first (or post-reset) cycle: change-feed
 * pages of up to 512 ids, each page's created/updated items fetched by batched GetItem.
 * `onPage` lets a caller handle and release each page instead of holding them all.
 */
export async function initialListing<T extends ObjectType>(
  port: ExchangePort,
  mailbox: string,
  type: T,
  folderId: string,
  onPage?: (results: ItemResult<FetchedItem<T>>[]) => void,
): Promise<ListingResult<T>> {
  const results: ItemResult<FetchedItem<T>>[] = [];
  let syncState: string | undefined;
  let pages = 0;
  for (;;) {
    const page = await port.syncFolderItems(mailbox, { folderId, syncState });
    pages += 1;
    const ids = page.changes.filter((c) => c.kind === 'created' || c.kind === 'updated').map((c) => c.itemId);
    const fetched = ids.length > 0 ? await port.getItems(mailbox, type, ids) : [];
    if (onPage) onPage(fetched);
    else results.push(...fetched);
    syncState = page.syncState;
    if (!page.moreAvailable) return { results, syncState, pages };
  }
}
