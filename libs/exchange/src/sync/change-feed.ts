import { ChangeType, FolderId, PropertySet, BasePropertySet, SyncFolderItemsScope, type ExchangeService } from 'ews-javascript-api';
import { ExchangeError } from '../errors/exchange.error.js';
import { MAX_CHANGES_PER_PAGE, type ChangeFeedRequest, type ChangePage, type ItemChange } from '../exchange.port.js';

/**
 * One SyncFolderItems page with ids and change keys only: the properties come later by GetItem,
 * in batches and only for the items the rules keep, which is cheaper than parsing them here.
 */
export async function syncFolderItemsPage(service: ExchangeService, request: ChangeFeedRequest): Promise<ChangePage> {
  const max = request.maxChanges ?? MAX_CHANGES_PER_PAGE;
  if (!Number.isInteger(max) || max < 1 || max > MAX_CHANGES_PER_PAGE) {
    throw new ExchangeError('EXCHANGE_BAD_INPUT', `maxChanges must be 1..${MAX_CHANGES_PER_PAGE}, got ${max}`);
  }
  const collection = await service.SyncFolderItems(
    new FolderId(request.folderId),
    new PropertySet(BasePropertySet.IdOnly),
    null as never,
    max,
    SyncFolderItemsScope.NormalItems,
    request.syncState ?? (null as never),
  );
  const changes: ItemChange[] = [];
  for (const change of collection.GetEnumerator()) {
    const id = change.ItemId;
    switch (change.ChangeType) {
      case ChangeType.Create:
        changes.push({ kind: 'created', itemId: id.UniqueId, changeKey: id.ChangeKey });
        break;
      case ChangeType.Update:
        changes.push({ kind: 'updated', itemId: id.UniqueId, changeKey: id.ChangeKey });
        break;
      case ChangeType.Delete:
        changes.push({ kind: 'deleted', itemId: id.UniqueId });
        break;
      case ChangeType.ReadFlagChange:
        changes.push({ kind: 'readFlag', itemId: id.UniqueId, isRead: change.IsRead });
        break;
    }
  }
  return { changes, syncState: collection.SyncState, moreAvailable: collection.MoreChangesAvailable };
}
