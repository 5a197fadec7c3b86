import type { DomainItemOf } from '@connector/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConflictPolicy, Direction, FieldDirections } from './compile-rules.js';
import { appointment } from './fixtures.test-support.js';
import { fieldValue, project, syncedFields } from './fields/projection.js';
import { mergeFields } from './merge.js';

type Appointment = DomainItemOf<'appointment'>;

/** A few values per field so that random versions often coincide (unchanged, same change). */
const fieldValues = {
  subject: fc.constantFrom('Visit', 'Visit Acme', 'Review'),
  location: fc.constantFrom(undefined, 'Berlin', 'Hamburg'),
  start: fc.constantFrom('2026-11-26T09:00:00+01:00', '2026-11-26T08:00:00Z', '2026-11-26T10:00:00+01:00'),
  body: fc.constantFrom(undefined, 'Agenda', 'Agenda\r\n', 'Notes'),
  busyStatus: fc.constantFrom('busy' as const, 'free' as const),
  categories: fc.constantFrom<string[]>([], ['A'], ['A', 'B'], ['B', 'A']),
  reminderMinutes: fc.constantFrom(null, 15),
  extra: fc.constantFrom<Record<string, string>>({}, { rating: 'A' }, { rating: 'B' }),
};
const FIELD_NAMES = ['subject', 'location', 'start', 'body', 'busyStatus', 'categories', 'reminderMinutes', 'extra.rating'];

const version = fc.record(fieldValues).map((v) => appointment({ ...v, end: '2026-11-26T12:00:00Z' }));
const policy = fc.constantFrom<ConflictPolicy>('crm-wins', 'exchange-wins', 'newest-wins');
const direction = fc.constantFrom<Direction>('both', 'both', 'crm-to-exchange', 'exchange-to-crm');
const directions = fc.record(Object.fromEntries(FIELD_NAMES.map((f) => [f, direction]))) as fc.Arbitrary<FieldDirections>;
const distinctTimes = fc
  .uniqueArray(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 2, maxLength: 2 })
  .map(([a = 0, b = 1]) => ({ exchange: new Date(a * 60_000).toISOString(), crm: new Date(b * 60_000).toISOString() }));

const MIRROR_POLICY: Record<ConflictPolicy, ConflictPolicy> = { 'crm-wins': 'exchange-wins', 'exchange-wins': 'crm-wins', 'newest-wins': 'newest-wins' };
const MIRROR_DIRECTION: Record<Direction, Direction> = { both: 'both', none: 'none', 'crm-to-exchange': 'exchange-to-crm', 'exchange-to-crm': 'crm-to-exchange' };
const mirror = (d: FieldDirections): FieldDirections => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, MIRROR_DIRECTION[v]]));

const fieldsOf = (...items: Appointment[]) => syncedFields('appointment', items);

describe('mergeFields properties', () => {
  it('is symmetric under swapping the sides with the mirrored policy and directions', () => {
    fc.assert(
      fc.property(version, version, version, policy, directions, distinctTimes, (base, ex, crm, p, d, ts) => {
        const r = mergeFields(base, ex, crm, p, d, ts);
        const s = mergeFields(base, crm, ex, MIRROR_POLICY[p], mirror(d), { exchange: ts.crm, crm: ts.exchange });
        const fields = fieldsOf(base, ex, crm);
        expect(project('appointment', s.merged, fields)).toEqual(project('appointment', r.merged, fields));
        expect([s.changedInExchange, s.changedInCrm]).toEqual([r.changedInCrm, r.changedInExchange]);
        expect([s.toExchange, s.toCrm]).toEqual([r.toCrm, r.toExchange]);
        expect(s.conflicts.map((c) => [c.field, c.winner === 'crm' ? 'exchange' : 'crm'])).toEqual(r.conflicts.map((c) => [c.field, c.winner]));
      }),
    );
  });

  it('gives a two-way field changed on one side only that side’s value', () => {
    fc.assert(
      fc.property(version, version, fc.boolean(), policy, distinctTimes, (base, changed, exchangeChanged, p, ts) => {
        const [ex, crm] = exchangeChanged ? [changed, base] : [base, changed];
        const r = mergeFields(base, ex, crm, p, {}, ts);
        expect(r.conflicts).toEqual([]);
        for (const f of fieldsOf(base, changed)) expect(fieldValue('appointment', r.merged, f)).toEqual(fieldValue('appointment', changed, f));
      }),
    );
  });

  it('needs no write when neither side changed anything', () => {
    fc.assert(
      fc.property(version, policy, directions, (base, p, d) => {
        const r = mergeFields(base, structuredClone(base), structuredClone(base), p, d);
        expect([r.toExchange, r.toCrm, r.conflicts, r.changedInExchange, r.changedInCrm]).toEqual([[], [], [], [], []]);
      }),
    );
  });

  it('converges: merging again after writing the result to both sides changes nothing', () => {
    fc.assert(
      fc.property(version, version, version, policy, directions, distinctTimes, (base, ex, crm, p, d, ts) => {
        const first = mergeFields(base, ex, crm, p, d, ts);
        const again = mergeFields(first.merged, first.merged, first.merged, p, d, ts);
        expect([again.toExchange, again.toCrm, again.conflicts]).toEqual([[], [], []]);
        // Each side already holding its merged value needs nothing more either.
        const fields = fieldsOf(base, ex, crm).filter((f) => !first.toExchange.includes(f));
        for (const f of fields) expect(fieldValue('appointment', ex, f)).toEqual(fieldValue('appointment', first.merged, f));
      }),
    );
  });
});
