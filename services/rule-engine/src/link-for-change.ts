import type { ChangeJob } from '@connector/core';
import type { LinkStore, StoredLink } from '@connector/state';

/** The link a change belongs to: by the link id the item carries, else by its id on its side. */
export async function findLink(change: ChangeJob, links: LinkStore): Promise<StoredLink | null> {
  if (change.linkId) {
    const byId = await links.getLink(change.linkId);
    if (byId && byId.mailbox === change.mailbox) return byId;
  }
  if (change.origin === 'exchange' && change.exchange) return links.findByExchangeId(change.mailbox, change.objectType, change.exchange.itemId);
  if (change.origin === 'crm' && change.crm) return links.findByCrmId(change.mailbox, change.objectType, change.crm.recordId);
  return null;
}
