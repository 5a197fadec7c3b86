import { ConnectorError, type ObjectType, type WriteJob } from '@connector/core';
import { DATASTORE_OF, deletedByConnectorRecord, nativeFromDomain, type CrmClient, type WriteItem, type WriteItemResult } from '@connector/crm-client';
import { updateLinkAfterWrite, type LinkStore, type StoredLink } from '@connector/state';
import { fileEmail, type EmailFilingDeps } from './email-filing.processor.js';

export interface CrmWriteDeps {
  crm: Pick<CrmClient, 'writeChanges'>;
  links: LinkStore;
  /** Filing e-mails reads the MIME from and marks the mail in Exchange, under the mailbox's rules. */
  filing?: Pick<EmailFilingDeps, 'exchange' | 'rulesFor'>;
}

export type CrmWriteOutcome = 'created' | 'updated' | 'flagged' | 'deleted' | 'already-deleted' | 'obsolete';

/** The SyncML write a decided action becomes: the LUID is always the link id. */
function syncmlItem(job: WriteJob, link: StoredLink): WriteItem {
  const recordId = link.crm?.recordId ?? job.crm?.recordId;
  switch (job.action) {
    case 'CreateInCrm':
      return { luid: link.id, op: 'add', payload: nativeFromDomain(requireItem(job)) };
    case 'Publish':
      return recordId
        ? { luid: link.id, op: 'replace', recordId, payload: nativeFromDomain(requireItem(job), { published: true }) }
        : { luid: link.id, op: 'add', payload: nativeFromDomain(requireItem(job), { published: true }) };
    case 'UpdateCrmFromExchange':
      // Only the decided fields: a CRM edit of other fields since the decision survives.
      return { luid: link.id, op: 'replace', recordId, payload: nativeFromDomain(requireItem(job), { statusOnly: job.objectType === 'task', fields: job.fields }) };
    case 'FlagDeletedInCrm':
      return { luid: link.id, op: 'replace', recordId, payload: deletedByConnectorRecord(job.objectType) };
    case 'DeleteInCrm':
      return { luid: link.id, op: 'delete', recordId };
    default:
      throw new ConnectorError('WRITE_ACTION_UNKNOWN', 'bug', `the crm-writer cannot perform ${job.action}`);
  }
}

function requireItem(job: WriteJob) {
  if (!job.item) throw new ConnectorError('WRITE_WITHOUT_ITEM', 'permanent', `${job.action} carries no item`);
  return job.item;
}

function failure(result: WriteItemResult, objectType: ObjectType): ConnectorError {
  const message = `CRM refused ${result.op} of a ${objectType} (SyncML status ${result.status})`;
  // Forbidden and invalid will not change by retrying; anything else may.
  if (result.error === 'forbidden') return new ConnectorError('CRM_FORBIDDEN', 'permanent', message);
  if (result.error === 'invalid') return new ConnectorError('CRM_INVALID_RECORD', 'permanent', message);
  return new ConnectorError('CRM_WRITE_FAILED', 'transient', message);
}

/**
 * One decided write to the CRM through SyncML. A repeated Add with the same LUID is recognised by
 * CRM.interface, so a retry after a crash never creates a second record. The link then holds
 * the record's new version (echo suppression) and the merge base.
 */
export async function writeToCrm(job: WriteJob, deps: CrmWriteDeps): Promise<CrmWriteOutcome> {
  const link = await deps.links.getLink(job.linkId);
  if (!link) throw new ConnectorError('LINK_MISSING', 'permanent', `link ${job.linkId} does not exist`);
  if (link.state === 'deleted') return 'obsolete';
  if (job.objectType === 'email' && job.action === 'CreateInCrm') {
    if (!deps.filing) throw new ConnectorError('WRITE_ACTION_UNKNOWN', 'bug', 'this crm-writer was started without Exchange access: it cannot file e-mails');
    return fileEmail(job, link, { ...deps.filing, crm: deps.crm, links: deps.links, failure: (result) => failure(result, 'email') });
  }
  const item = syncmlItem(job, link);
  if (item.op !== 'add' && !item.recordId) {
    if (item.op === 'delete') {
      await updateLinkAfterWrite(deps.links, link.id, () => 'delete');
      return 'already-deleted';
    }
    throw new ConnectorError('CRM_RECORD_UNKNOWN', 'permanent', `${job.action} names no CRM record`);
  }
  const [result] = await deps.crm.writeChanges(job.crmUser, DATASTORE_OF[job.objectType], [item]);
  if (!result) throw new ConnectorError('CRM_NO_RESULT', 'transient', 'the CRM answered no status for the item');
  if (!result.ok) {
    if (result.error === 'not-found' && item.op === 'delete') {
      await updateLinkAfterWrite(deps.links, link.id, () => 'delete');
      return 'already-deleted';
    }
    throw failure(result, job.objectType);
  }
  if (item.op === 'delete') {
    await updateLinkAfterWrite(deps.links, link.id, () => 'delete');
    return 'deleted';
  }
  const recordId = result.recordId ?? item.recordId!;
  const crm = { recordId, version: result.version ?? link.crm?.version ?? '0', luid: link.id };
  const state = job.action === 'Publish' ? 'published' : job.action === 'FlagDeletedInCrm' ? 'deleted' : 'active';
  await updateLinkAfterWrite(deps.links, link.id, () => ({ crm, ...(job.exchange ? { exchange: job.exchange } : {}), ...(job.base ? { base: job.base } : {}), state }));
  if (job.action === 'FlagDeletedInCrm') return 'flagged';
  return item.op === 'add' ? 'created' : 'updated';
}
