import { describe, expect, it } from 'vitest';
import { decide } from './decide.js';
import { appointment, deletion, input, link, names, rules, skipReason, upsert } from './fixtures.test-support.js';

const item = appointment();

describe('decide: steps common to every type', () => {
  it('skips everything of a disabled type', () => {
    const d = decide(input({ change: upsert('crm', item), rules: rules({ appointment: { enabled: false } }) }));
    expect(skipReason(d)).toBe('disabled');
    expect(skipReason(decide(input({ change: upsert('crm', item), rules: rules({ appointment: { direction: 'none' } }) })))).toBe('disabled');
  });

  it('drops our own write coming back (echo), from either side', () => {
    const l = link(item, { exchange: { itemId: 'EX1', changeKey: 'ck7' }, crm: { recordId: 'R1', version: '7' } });
    const changedItem = appointment({ subject: 'changed meanwhile' });
    expect(skipReason(decide(input({ link: l, change: upsert('exchange', changedItem, '7') })))).toBe('echo');
    expect(skipReason(decide(input({ link: l, change: upsert('crm', changedItem, '7') })))).toBe('echo');
    expect(names(decide(input({ link: l, change: upsert('crm', changedItem, '8') })))).toEqual(['UpdateExchangeFromCrm']);
  });

  it('ignores changes to a pair that is already deleted', () => {
    const l = link(item, { state: 'deleted' });
    expect(skipReason(decide(input({ link: l, change: upsert('crm', appointment({ subject: 'x' })) })))).toBe('already-deleted');
    expect(skipReason(decide(input({ link: l, change: deletion('exchange') })))).toBe('already-deleted');
  });

  it('quarantines an invalid item: end before start, a bad date, a missing item', () => {
    const bad = appointment({ start: '2026-11-26T10:00:00Z', end: '2026-11-26T09:00:00Z' });
    const d = decide(input({ change: upsert('exchange', bad) }));
    expect(d.actions).toEqual([{ name: 'Quarantine', reason: 'invalid', side: 'exchange', problems: ['end: before start'] }]);
    const badDate = decide(input({ change: upsert('crm', { ...item, start: 'soon' }) }));
    expect(names(badDate)).toEqual(['Quarantine']);
    const missing = decide(input({ objectType: 'appointment', change: { origin: 'crm', kind: 'upsert', crm: { recordId: 'R1', version: '2' } } }));
    expect(names(missing)).toEqual(['Quarantine']);
  });

  it('quarantines a merge whose result would be invalid (start moved in Exchange past the end moved in the CRM)', () => {
    const base = appointment({ start: '2026-11-26T09:00:00Z', end: '2026-11-26T10:00:00Z' });
    const exchange = appointment({ start: '2026-11-26T11:00:00Z', end: '2026-11-26T12:00:00Z' });
    const crm = appointment({ start: '2026-11-26T09:00:00Z', end: '2026-11-26T09:30:00Z' });
    const d = decide(input({ link: link(base), change: upsert('crm', crm), other: { item: exchange } }));
    expect(d.actions[0]).toMatchObject({ name: 'Quarantine', problems: ['merged end: before start'] });
  });

  it('is pure: the same input gives the same decision and the input is not modified', () => {
    const i = input({ link: link(item), change: upsert('exchange', appointment({ location: 'Hamburg' })) });
    const copy = structuredClone({ ...i, context: undefined, rules: undefined });
    expect(decide(i)).toEqual(decide(i));
    expect({ ...i, context: undefined, rules: undefined }).toEqual(copy);
  });
});
