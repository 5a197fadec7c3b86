import type { CompiledContactRules } from '../compile-rules.js';

/**
 * What the CRM tells, per person (or company), about its relation to the mailbox's user. The
 * CRM poller fills it; the rules only combine it.
 */
export interface CrmContactRelation {
  /** The user is the person's responsible rep. */
  readonly responsibleRep: boolean;
  /** The person belongs to the user's sales group. */
  readonly sameSalesGroup: boolean;
  /** The person is one of the user's favourites. */
  readonly favourite: boolean;
  /** The CRM contact type (customer, supplier, …). */
  readonly contactType?: string | undefined;
  /** The entry stands for a company itself. */
  readonly isCompany: boolean;
}

/** Whether the contact filter selects this CRM entry for the user's mailbox. */
export function inContactFilter(filter: CompiledContactRules['filter'], relation: CrmContactRelation): boolean {
  if (relation.isCompany && !filter.includeCompanies) return false;
  if (filter.contactTypes.length > 0 && (relation.contactType === undefined || !filter.contactTypes.includes(relation.contactType))) return false;
  return (filter.responsibleRep && relation.responsibleRep) || (filter.salesGroup && relation.sameSalesGroup) || (filter.favourites && relation.favourite);
}
