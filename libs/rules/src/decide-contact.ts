import type { DomainItem } from '@connector/core';
import { skip, type Decision } from './actions.js';
import { flowsFrom, type CompiledContactRules } from './compile-rules.js';
import { decideDeletion } from './decide-delete.js';
import type { DecideInput } from './decide-input.js';
import { createOnOther, decision, mergeLinked, resumeCreate, type Admission } from './decide-shared.js';
import { inContactFilter } from './filters/contact.filter.js';

const SYNC_AS_IS = { asPrivate: false } as const;

/**
 * The contact filter on what the CRM says about the person; without a relation only the
 * company switch can be judged (the item itself tells whether it is a company).
 */
function selected(rules: CompiledContactRules, input: DecideInput, crmItem: DomainItem | undefined): boolean {
  const relation = input.context.crmRelation;
  if (relation) return inContactFilter(rules.filter, relation);
  return !(crmItem?.type === 'contact' && crmItem.isCompany && !rules.filter.includeCompanies);
}

function crmItemOf(input: DecideInput): DomainItem | undefined {
  return input.change.origin === 'crm' ? input.change.item : (input.other?.item ?? input.link?.base);
}

export function decideContact(input: DecideInput, rules: CompiledContactRules): Decision {
  const { change, link } = input;
  const admitOwnerItem = (item: DomainItem): Admission => (selected(rules, input, item) ? SYNC_AS_IS : 'not-in-contact-filter');
  if (change.kind === 'delete') return decideDeletion(input, rules, { exchangeDeletes: 'flag', recreate: admitOwnerItem });
  const inFilter = selected(rules, input, crmItemOf(input));
  if (!link) {
    if (!flowsFrom(rules.direction, change.origin)) return skip('direction', `contacts created in ${change.origin === 'exchange' ? 'Outlook' : 'the CRM'} do not travel`);
    if (!inFilter) return skip('not-in-contact-filter');
    return createOnOther(change.origin, change.item as DomainItem, false, 'new contact');
  }
  // Unlike appointments, a person who leaves the filter is removed from the mailbox.
  if (!inFilter) {
    if (!link.exchange) return skip('not-in-contact-filter');
    return decision([{ name: 'DeleteInExchange', exchange: link.exchange }], 'contact left the contact filter');
  }
  return resumeCreate(input, rules, SYNC_AS_IS) ?? mergeLinked(input, rules, () => SYNC_AS_IS);
}
