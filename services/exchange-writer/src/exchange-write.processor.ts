import { ConnectorError, type DomainItem, type ExchangeRef, type WriteJob } from '@connector/core';
import type { Rules } from '@connector/config';
import type { ExchangeError, ExchangePort, ItemResult } from '@connector/exchange';
import { updateLinkAfterWrite, type LinkStore, type StoredLink } from '@connector/state';

export interface ExchangeWriteDeps {
  exchange: ExchangePort;
  links: LinkStore;
  rulesFor(mailbox: string): Rules;
}

export type ExchangeWriteOutcome = 'created' | 'adopted' | 'updated' | 'deleted' | 'already-deleted' | 'obsolete';

function unwrap<T>(result: ItemResult<T> | undefined, what: string): T {
  if (!result) throw new ConnectorError('EXCHANGE_NO_RESULT', 'transient', `no result for ${what}`);
  if (!result.ok) throw result.error;
  return result.value;
}

function asWritten(item: DomainItem, asPrivate: boolean): DomainItem {
  if (!asPrivate || !('sensitivity' in item)) return item;
  return { ...item, sensitivity: 'private' } as DomainItem;
}

async function folderOf(job: WriteJob, deps: ExchangeWriteDeps): Promise<string> {
  const path = deps.rulesFor(job.mailbox)[job.objectType].folder;
  return (await deps.exchange.resolveFolder(job.mailbox, path, { create: !/^\/<[a-z]+>$/.test(path) })).folderId;
}

function storeResult(job: WriteJob, ref: ExchangeRef) {
  return () => ({ exchange: ref, ...(job.crm ? { crm: job.crm } : {}), ...(job.base ? { base: job.base } : {}), state: 'active' as const });
}

/**
 * A create is idempotent: the item carries the link id, and a retried create (after a crash
 * between CreateItem and saving the link) finds and adopts it instead of creating a second one.
 */
async function create(job: WriteJob, link: StoredLink, deps: ExchangeWriteDeps): Promise<ExchangeWriteOutcome> {
  if (!job.item) throw new ConnectorError('WRITE_WITHOUT_ITEM', 'permanent', `${job.action} carries no item`);
  const folderId = await folderOf(job, deps);
  const existing = await deps.exchange.findByLinkId(job.mailbox, folderId, link.id);
  const ref =
    existing ??
    unwrap((await deps.exchange.createItems(job.mailbox, job.objectType, folderId, [{ linkId: link.id, item: asWritten(job.item, job.asPrivate) as never }]))[0], 'CreateItem');
  await updateLinkAfterWrite(deps.links, link.id, storeResult(job, ref));
  return existing ? 'adopted' : 'created';
}

/** Only the decided fields are written, so a concurrent Outlook edit of other fields survives. */
async function update(job: WriteJob, link: StoredLink, deps: ExchangeWriteDeps): Promise<ExchangeWriteOutcome> {
  if (!job.item) throw new ConnectorError('WRITE_WITHOUT_ITEM', 'permanent', `${job.action} carries no item`);
  const current = link.exchange ?? job.exchange;
  if (!current) return create(job, link, deps);
  const [result] = await deps.exchange.updateItems(
    job.mailbox,
    job.objectType,
    [{ ref: current, item: asWritten(job.item, job.asPrivate) as never, changedFields: (job.fields ?? []) as never }],
    { conflict: 'overwrite' },
  );
  if (result && !result.ok && (result.error as ExchangeError).code === 'EXCHANGE_ITEM_NOT_FOUND') {
    // Deleted in Outlook meanwhile: its delete change decides what happens (recreate or delete).
    return 'obsolete';
  }
  const ref = unwrap(result, 'UpdateItem');
  await updateLinkAfterWrite(deps.links, link.id, storeResult(job, ref));
  return 'updated';
}

async function remove(job: WriteJob, link: StoredLink, deps: ExchangeWriteDeps): Promise<ExchangeWriteOutcome> {
  let itemId = link.exchange?.itemId ?? job.exchange?.itemId;
  if (!itemId) itemId = (await deps.exchange.findByLinkId(job.mailbox, await folderOf(job, deps), link.id))?.itemId;
  if (itemId) {
    const [result] = await deps.exchange.deleteItems(job.mailbox, [itemId], { deleteType: 'moveToDeletedItems' });
    unwrap(result, 'DeleteItem');
  }
  await updateLinkAfterWrite(deps.links, link.id, () => 'delete');
  return itemId ? 'deleted' : 'already-deleted';
}

/** One decided write to Exchange; the link then holds the new change key and the merge base. */
export async function writeToExchange(job: WriteJob, deps: ExchangeWriteDeps): Promise<ExchangeWriteOutcome> {
  const link = await deps.links.getLink(job.linkId);
  if (!link) throw new ConnectorError('LINK_MISSING', 'permanent', `link ${job.linkId} does not exist`);
  if (link.state === 'deleted') return 'obsolete';
  switch (job.action) {
    case 'CreateInExchange':
      return create(job, link, deps);
    case 'UpdateExchangeFromCrm':
      return update(job, link, deps);
    case 'DeleteInExchange':
      return remove(job, link, deps);
    default:
      throw new ConnectorError('WRITE_ACTION_UNKNOWN', 'bug', `the exchange-writer cannot perform ${job.action}`);
  }
}
