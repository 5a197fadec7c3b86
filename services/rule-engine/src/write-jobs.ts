import type { ChangeJob, WriteJob } from '@connector/core';
import type { Action, Decision } from '@connector/rules';
import type { StoredLink } from '@connector/state';

/**
 * The write jobs that carry a decision's actions to the writers. Each names the link version it
 * was decided on; the writer stores the new side ref and the decision's merge base after success.
 */
export function writeJobsFor(change: ChangeJob, link: StoredLink, decision: Decision): WriteJob[] {
  const base = { v: 1 as const, mailbox: change.mailbox, crmUser: change.crmUser, objectType: change.objectType, cycleId: change.cycleId, linkId: link.id, linkVersion: link.version };
  const stored = decision.base;
  const jobs: WriteJob[] = [];
  // A job to one side carries the version of the other side the decision saw, so the writer can
  // store both on the link: the next poll of either side then recognises its own echo.
  const seen = (target: WriteJob['target']) =>
    target === 'crm' ? { exchange: change.origin === 'exchange' ? change.exchange : undefined } : { crm: change.origin === 'crm' ? change.crm : undefined };
  const push = (job: Omit<WriteJob, keyof typeof base | 'asPrivate'> & { asPrivate?: boolean }) =>
    jobs.push({ ...base, asPrivate: false, base: stored, ...seen(job.target), ...job });
  for (const action of decision.actions as Action[]) {
    switch (action.name) {
      case 'CreateInExchange':
        push({ target: 'exchange', action: action.name, item: action.item, asPrivate: action.asPrivate });
        break;
      case 'CreateInCrm':
        push({ target: 'crm', action: action.name, item: action.item, asPrivate: action.asPrivate });
        break;
      case 'UpdateExchangeFromCrm':
        push({ target: 'exchange', action: action.name, item: action.item, fields: [...action.fields], asPrivate: action.asPrivate, exchange: action.exchange ?? link.exchange });
        break;
      case 'UpdateCrmFromExchange':
        push({ target: 'crm', action: action.name, item: action.item, fields: [...action.fields], asPrivate: action.asPrivate, crm: action.crm ?? link.crm });
        break;
      case 'MergeAndUpdateBoth':
        if (action.exchangeFields.length > 0)
          push({ target: 'exchange', action: 'UpdateExchangeFromCrm', item: action.item, fields: [...action.exchangeFields], asPrivate: action.asPrivate, exchange: action.exchange ?? link.exchange });
        if (action.crmFields.length > 0)
          push({ target: 'crm', action: 'UpdateCrmFromExchange', item: action.item, fields: [...action.crmFields], asPrivate: action.asPrivate, crm: action.crm ?? link.crm });
        break;
      case 'DeleteInExchange':
        push({ target: 'exchange', action: action.name, exchange: action.exchange ?? link.exchange, base: undefined });
        break;
      case 'DeleteInCrm':
      case 'FlagDeletedInCrm':
        push({ target: 'crm', action: action.name, crm: action.crm ?? link.crm, base: undefined });
        break;
      case 'Publish':
        push({ target: 'crm', action: action.name, item: action.item, asPrivate: action.asPrivate, crm: action.crm ?? link.crm });
        break;
      default:
        break;
    }
  }
  return jobs;
}
