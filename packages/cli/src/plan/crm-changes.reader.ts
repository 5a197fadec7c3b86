import type { CrmContext, ObjectType } from '@connector/core';
import { DATASTORE_OF, domainFromNative, nativeFacts, type CrmClient } from '@connector/crm-client';
import type { LinkStore } from '@connector/state';
import type { PlanTarget, SideRead } from './planned-change.js';

/** The rules' facts about a CRM record besides the item, as the crm-poller derives them. */
function crmContextOf(objectType: ObjectType, payload: string, crmUserId: string): CrmContext | undefined {
  if (objectType !== 'contact' && objectType !== 'task') return undefined;
  const facts = nativeFacts(objectType, payload);
  const own = facts.responsibleUserId === crmUserId;
  if (objectType === 'task') return { assignedToUser: own };
  return { relation: { responsibleRep: own, sameSalesGroup: !own, favourite: facts.favourite ?? false, contactType: facts.contactType, isCompany: false } };
}

/**
 * The CRM changes the next poll would see: a SyncML session from the stored anchor whose
 * `complete()` is never called, so neither the connector's anchor nor CRM.interface's (stored
 * only at the end of package 5) moves, no LUID is mapped, and the next real poll receives the
 * same changes. Side effects on the server: the token nonces of the session's messages are
 * recorded (replay protection) and the unfinished session is held until it expires.
 */
export async function readCrmChanges(crm: Pick<CrmClient, 'readChanges'>, links: Pick<LinkStore, 'getLink' | 'findByCrmId' | 'listLinks'>, target: PlanTarget): Promise<SideRead> {
  const read = await crm.readChanges(target.crmUser, DATASTORE_OF[target.objectType]);
  const out: SideRead = { changes: [], unreadable: [], notes: read.slowSync ? ['slow sync: the CRM sends every record, each is matched against the links'] : [] };
  const seen = new Set<string>();
  for (const change of read.changes) {
    if (change.op === 'delete') {
      const link = change.luid ? await links.getLink(change.luid) : null;
      if (!link?.crm) continue; // never synced: the poller drops it too
      out.changes.push({ origin: 'crm', kind: 'delete', crm: { ...link.crm, version: 'deleted', luid: link.id }, linkId: link.id });
      continue;
    }
    if (!change.recordId || !change.payload) continue;
    seen.add(change.recordId);
    const linkId = change.luid ?? (await links.findByCrmId(target.mailbox, target.objectType, change.recordId))?.id;
    try {
      const item = domainFromNative(target.objectType, change.payload);
      out.changes.push({
        origin: 'crm',
        kind: 'upsert',
        crm: { recordId: change.recordId, version: change.version ?? '0', ...(linkId ? { luid: linkId } : {}) },
        item,
        linkId,
        crmContext: crmContextOf(target.objectType, change.payload, target.crmUserId),
      });
    } catch (error) {
      out.unreadable.push({ side: 'crm', id: change.recordId, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  if (read.slowSync) {
    // Linked records a slow sync no longer sends were deleted in the CRM.
    let after: string | undefined;
    do {
      const page = await links.listLinks(target.mailbox, target.objectType, { after, limit: 500 });
      for (const link of page.links) {
        if (link.crm && link.state !== 'deleted' && !seen.has(link.crm.recordId)) {
          out.changes.push({ origin: 'crm', kind: 'delete', crm: { ...link.crm, version: 'deleted', luid: link.id }, linkId: link.id });
        }
      }
      after = page.next;
    } while (after);
  }
  return out;
}
