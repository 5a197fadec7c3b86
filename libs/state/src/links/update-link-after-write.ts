import { ConnectorError } from '@connector/core';
import { StaleLinkError } from '../state.error.js';
import type { LinkPatch, LinkStore, StoredLink } from './link-store.port.js';

/**
 * Applies a writer's result to the link, re-reading on a lost compare-and-set: the write already
 * happened, so its result must land whatever else touched the row meanwhile.
 */
export async function updateLinkAfterWrite(links: LinkStore, linkId: string, patch: (link: StoredLink) => LinkPatch | 'delete'): Promise<StoredLink> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const link = await links.getLink(linkId);
    if (!link) throw new ConnectorError('LINK_MISSING', 'permanent', `link ${linkId} vanished`);
    try {
      const change = patch(link);
      return change === 'delete' ? await links.markDeleted(link.id, link.version) : await links.compareAndSet(link.id, link.version, change);
    } catch (error) {
      if (!(error instanceof StaleLinkError)) throw error;
    }
  }
  throw new ConnectorError('LINK_CONTENDED', 'transient', `link ${linkId} kept changing while storing a write result`);
}
