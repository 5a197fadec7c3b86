import type { CrmContext, ObjectType } from '@connector/core';
import { nativeFacts } from '@connector/crm-client';

/**
 * What the rules filter on besides the item: how a person relates to the mailbox's user, and
 * whether a task is the user's. CRM.interface only returns records the user may read, so a
 * person not the user's own is one of their sales group's shared records.
 */
export function crmContextOf(objectType: ObjectType, payload: string, crmUserId: string | undefined): CrmContext | undefined {
  if (!crmUserId || (objectType !== 'contact' && objectType !== 'task')) return undefined;
  const facts = nativeFacts(objectType, payload);
  const own = facts.responsibleUserId === crmUserId;
  if (objectType === 'task') return { assignedToUser: own };
  return {
    relation: { responsibleRep: own, sameSalesGroup: !own, favourite: facts.favourite ?? false, contactType: facts.contactType, isCompany: false },
  };
}

/**
 * A CRM appointment belongs to the mailbox of its responsible user. Others' activities the user
 * can read only as a participant are theirs: the user's own calendar already holds the meeting,
 * so a copy would be a duplicate.
 */
export function belongsToMailbox(objectType: ObjectType, payload: string, crmUserId: string | undefined): boolean {
  if (objectType !== 'appointment' || !crmUserId) return true;
  return nativeFacts(objectType, payload).responsibleUserId === crmUserId;
}
