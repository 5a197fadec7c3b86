import { describe, expect, it } from 'vitest';
import { decide } from './decide.js';
import { contact, context, deletion, input, link, names, rules, skipReason, upsert } from './fixtures.test-support.js';
import type { CrmContactRelation } from './filters/contact.filter.js';
import { inContactFilter } from './filters/contact.filter.js';

const person = contact({ jobTitle: 'Buyer', emails: [{ slot: 'email1', address: 'bea@acme.example' }] });
const rep: CrmContactRelation = { responsibleRep: true, sameSalesGroup: false, favourite: false, isCompany: false, contactType: 'customer' };
const stranger: CrmContactRelation = { ...rep, responsibleRep: false };
const withRelation = (crmRelation: CrmContactRelation) => context({ crmRelation });

describe('contact filter', () => {
  const filter = rules().contact.filter;
  it.each([
    ['responsible rep', rep, filter, true],
    ['no relation at all', stranger, filter, false],
    ['favourite', { ...stranger, favourite: true }, filter, true],
    ['sales group while the rule ignores it', { ...stranger, sameSalesGroup: true }, filter, false],
    ['sales group with the rule on', { ...stranger, sameSalesGroup: true }, { ...filter, salesGroup: true }, true],
    ['company while companies are off', { ...rep, isCompany: true }, filter, false],
    ['company with companies on', { ...rep, isCompany: true }, { ...filter, includeCompanies: true }, true],
    ['type not in contactTypes', rep, { ...filter, contactTypes: ['supplier'] }, false],
    ['type in contactTypes', rep, { ...filter, contactTypes: ['supplier', 'customer'] }, true],
  ])('%s → %s', (_name, relation, f, expected) => {
    expect(inContactFilter(f, relation)).toBe(expected);
  });
});

describe('contacts: CRM → Exchange', () => {
  const l = link(person);

  it('creates a selected CRM person in the contacts folder and skips others', () => {
    expect(decide(input({ change: upsert('crm', person), context: withRelation(rep) })).actions).toEqual([{ name: 'CreateInExchange', item: person, asPrivate: false }]);
    expect(skipReason(decide(input({ change: upsert('crm', person), context: withRelation(stranger) })))).toBe('not-in-contact-filter');
  });

  it('leaves a contact created in Outlook alone', () => {
    expect(skipReason(decide(input({ change: upsert('exchange', person) })))).toBe('direction');
  });

  it('overwrites an Outlook edit from the CRM on the next cycle', () => {
    const edited = { ...person, jobTitle: 'Head of Purchasing' };
    const d = decide(input({ link: l, change: upsert('exchange', edited), context: withRelation(rep) }));
    expect(d.actions).toMatchObject([{ name: 'UpdateExchangeFromCrm', exchange: l.exchange, fields: ['jobTitle'], item: { jobTitle: 'Buyer' } }]);
    expect(d.conflicts).toEqual([]);
  });

  it('updates the Exchange contact in place when the CRM changes it', () => {
    const d = decide(input({ link: l, change: upsert('crm', { ...person, phones: [{ kind: 'mobile', number: '+49 170 1' }] }), context: withRelation(rep) }));
    expect(d.actions).toMatchObject([{ name: 'UpdateExchangeFromCrm', exchange: l.exchange, fields: ['phones'] }]);
  });

  it('lets a mapped field with its own two-way direction flow back from Outlook', () => {
    const mapping = { crmField: 'rating', exchange: { field: 'contacts:Profession' }, direction: 'both' };
    const r = rules({ contact: { fieldMapping: [mapping] } });
    const withExtra = { ...person, extra: { rating: 'A' } };
    const d = decide(input({ link: link(withExtra), rules: r, change: upsert('exchange', { ...withExtra, extra: { rating: 'B' } }) }));
    expect(d.actions).toMatchObject([{ name: 'UpdateCrmFromExchange', fields: ['extra.rating'] }]);
  });

  it('recreates a synced contact deleted in Outlook, unless it left the filter', () => {
    const d = decide(input({ link: l, change: deletion('exchange'), other: { item: person }, context: withRelation(rep) }));
    expect(d.actions).toEqual([{ name: 'CreateInExchange', item: person, asPrivate: false }]);
    expect(skipReason(decide(input({ link: l, change: deletion('exchange'), context: withRelation(stranger) })))).toBe('not-in-contact-filter');
  });

  it('removes the contact from the mailbox when deleted in the CRM or when it leaves the filter', () => {
    expect(decide(input({ link: l, change: deletion('crm') })).actions).toEqual([{ name: 'DeleteInExchange', exchange: l.exchange }]);
    const d = decide(input({ link: l, change: upsert('crm', person), context: withRelation(stranger) }));
    expect(d.actions).toEqual([{ name: 'DeleteInExchange', exchange: l.exchange }]);
    expect(names(decide(input({ link: l, change: upsert('exchange', person, '3'), context: withRelation(stranger) })))).toEqual(['DeleteInExchange']);
  });

  it('judges companies by the item when the CRM gives no relation', () => {
    const company = contact({ companyName: 'Acme', givenName: undefined, surname: undefined, isCompany: true });
    expect(skipReason(decide(input({ change: upsert('crm', company) })))).toBe('not-in-contact-filter');
    expect(names(decide(input({ change: upsert('crm', company), rules: rules({ contact: { filter: { includeCompanies: true } } }) })))).toEqual(['CreateInExchange']);
  });

  it('quarantines a contact without any name', () => {
    const nameless = contact({ givenName: undefined, surname: undefined, companyName: ' ' });
    expect(decide(input({ change: upsert('crm', nameless) })).actions[0]).toMatchObject({ name: 'Quarantine', problems: ['contact: has no name'] });
  });
});
