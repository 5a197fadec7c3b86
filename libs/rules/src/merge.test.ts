import { describe, expect, it } from 'vitest';
import { appointment, rules, task } from './fixtures.test-support.js';
import { mergeFields } from './merge.js';

const both = rules().appointment.fieldDirections;
const taskDirections = rules().task.fieldDirections;

describe('mergeFields: three-way merge per field', () => {
  const base = appointment({ subject: 'Visit', location: 'Berlin' });

  it('merges changes to different fields from both sides without a conflict', () => {
    const exchange = appointment({ subject: 'Visit', location: 'Hamburg' });
    const crm = appointment({ subject: 'Visit Acme', location: 'Berlin' });
    const r = mergeFields(base, exchange, crm, 'crm-wins', both);
    expect(r.merged).toMatchObject({ subject: 'Visit Acme', location: 'Hamburg' });
    expect([r.changedInExchange, r.changedInCrm, r.conflicts]).toEqual([['location'], ['subject'], []]);
    expect([r.toExchange, r.toCrm]).toEqual([['subject'], ['location']]);
  });

  it('lets a field changed on one side win whatever the timestamps', () => {
    const exchange = appointment({ subject: 'Visit', location: 'Hamburg' });
    const r = mergeFields(base, exchange, base, 'newest-wins', both, { exchange: '2020-01-01T00:00:00Z', crm: '2030-01-01T00:00:00Z' });
    expect(r.merged.location).toBe('Hamburg');
    expect(r.conflicts).toEqual([]);
  });

  it.each([
    ['crm-wins', {}, 'crm', 'Potsdam'],
    ['exchange-wins', {}, 'exchange', 'Hamburg'],
    ['newest-wins', { exchange: '2026-11-25T09:00:00+01:00', crm: '2026-11-25T08:30:00Z' }, 'crm', 'Potsdam'],
    ['newest-wins', { exchange: '2026-11-25T09:00:00Z', crm: '2026-11-25T08:30:00Z' }, 'exchange', 'Hamburg'],
    ['newest-wins', {}, 'crm', 'Potsdam'],
  ] as const)('resolves the same field changed on both sides by %s %j → %s', (policy, timestamps, winner, location) => {
    const r = mergeFields(base, appointment({ location: 'Hamburg', subject: 'Visit' }), appointment({ location: 'Potsdam', subject: 'Visit' }), policy, both, timestamps);
    expect(r.merged.location).toBe(location);
    expect(r.conflicts).toEqual([{ field: 'location', base: 'Berlin', exchange: 'Hamburg', crm: 'Potsdam', winner, policy }]);
  });

  it('records no conflict when both sides made the same change', () => {
    const r = mergeFields(base, appointment({ subject: 'Visit', location: 'Bonn ' }), appointment({ subject: 'Visit', location: 'Bonn' }), 'crm-wins', both);
    expect(r.conflicts).toEqual([]);
    expect([r.toExchange, r.toCrm]).toEqual([[], []]);
  });

  it('overwrites a CRM-owned field edited in Exchange and lets task status flow back', () => {
    const t0 = task({ subject: 'Call', status: 'notStarted' });
    const outlook = task({ subject: 'Call Bea', status: 'completed', percentComplete: 100, completedAt: '2026-11-25T09:00:00Z' });
    const r = mergeFields(t0, outlook, t0, 'exchange-wins', taskDirections);
    expect(r.merged).toMatchObject({ subject: 'Call', status: 'completed', percentComplete: 100, completedAt: '2026-11-25T09:00:00Z' });
    expect(r.toExchange).toEqual(['subject']);
    expect(r.toCrm).toEqual(['completedAt', 'status', 'percentComplete']);
    expect(r.conflicts).toEqual([]);
  });

  it('leaves fields directed none out, and treats every difference as a conflict without a base', () => {
    const directions = { ...both, location: 'none' as const };
    const r = mergeFields(undefined, appointment({ subject: 'A', location: 'X' }), appointment({ subject: 'B', location: 'Y' }), 'crm-wins', directions);
    expect(r.conflicts.map((c) => c.field)).toEqual(['subject']);
    expect(r.toExchange).toEqual(['subject']);
  });

  it('merges extra fields one by one, removing one deleted on one side', () => {
    const b = appointment({ extra: { a: '1', b: '2' } });
    const r = mergeFields(b, appointment({ extra: { a: '1' } }), appointment({ extra: { a: '3', b: '2' } }), 'crm-wins', both);
    expect(r.merged.extra).toEqual({ a: '3' });
  });
});
