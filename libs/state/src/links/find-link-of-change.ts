import type { CrmRef, ExchangeRef, ObjectType, Side } from '@connector/core';
import type { LinkStore, StoredLink } from './link-store.port.js';

export interface ObservedChange {
  mailbox: string;
  objectType: ObjectType;
  origin: Side;
  linkId?: string;
  exchange?: ExchangeRef;
  crm?: CrmRef;
}

/** The link a change belongs to: by the link id the item carries, else by its id on its side. */
export async function findLinkOfChange(links: Pick<LinkStore, 'getLink' | 'findByExchangeId' | 'findByCrmId'>, change: ObservedChange): Promise<StoredLink | null> {
  if (change.linkId) {
    const byId = await links.getLink(change.linkId);
    if (byId && byId.mailbox === change.mailbox) return byId;
  }
  if (change.origin === 'exchange' && change.exchange) return links.findByExchangeId(change.mailbox, change.objectType, change.exchange.itemId);
  if (change.origin === 'crm' && change.crm) return links.findByCrmId(change.mailbox, change.objectType, change.crm.recordId);
  return null;
}
