import type { Attendee, DomainItem, SyncLink } from '@connector/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writesOf, type Action, type Decision } from './actions.js';
import { decide } from './decide.js';
import { appointment, contact, input, link, rules, task, upsert } from './fixtures.test-support.js';
import { copyField, fieldValue, syncedFields } from './fields/projection.js';

/** Versions of one item drawn from few values, so that sides often agree or make the same change. */
const appointmentVersion = fc
  .record({
    subject: fc.constantFrom('Visit', 'Visit Acme', ' Visit'),
    location: fc.constantFrom(undefined, 'Berlin', 'Hamburg'),
    start: fc.constantFrom('2026-11-26T09:00:00+01:00', '2026-11-26T08:00:00Z', '2026-11-26T10:00:00+01:00'),
    body: fc.constantFrom(undefined, 'Agenda', 'Agenda\r\n', 'Notes'),
    sensitivity: fc.constantFrom('normal' as const, 'private' as const),
    attendees: fc.constantFrom<Attendee[]>([], [{ address: 'bob@demo.example', role: 'required', response: 'accepted' }]),
  })
  .map((v) => appointment({ ...v, end: '2026-11-26T12:00:00Z' }));
const taskVersion = fc
  .record({
    subject: fc.constantFrom('Call', 'Call Bea'),
    status: fc.constantFrom('notStarted' as const, 'inProgress' as const, 'completed' as const),
    percentComplete: fc.constantFrom(0, 50, 100),
    due: fc.constantFrom('2026-11-30T17:00:00Z', '2026-11-30T18:00:00+01:00', '2026-12-01T17:00:00Z'),
  })
  .map((v) => task(v));
const contactVersion = fc
  .record({ jobTitle: fc.constantFrom(undefined, 'Buyer', 'CEO'), notes: fc.constantFrom(undefined, 'a\r\nb', 'a\nb'), extra: fc.constantFrom<Record<string, string>>({}, { rating: 'A' }, { rating: 'B' }) })
  .map((v) => contact(v));

const policy = fc.constantFrom('crm-wins' as const, 'exchange-wins' as const, 'newest-wins' as const);
const ruleSet = fc.record({ policy, statusBack: fc.boolean(), mappingBoth: fc.boolean() }).map(({ policy: conflictPolicy, statusBack, mappingBoth }) =>
  rules({
    appointment: { conflictPolicy },
    task: { conflictPolicy, statusBack },
    contact: { conflictPolicy, fieldMapping: [{ crmField: 'rating', exchange: { field: 'contacts:Profession' }, direction: mappingBoth ? 'both' : 'crm-to-exchange' }] },
  }),
);
const triple = <T>(arb: fc.Arbitrary<T>) => fc.tuple(arb, arb, arb);
const anyTriple = fc.oneof(triple(appointmentVersion), triple(taskVersion), triple(contactVersion)) as fc.Arbitrary<[DomainItem, DomainItem, DomainItem]>;
const times = fc.constantFrom('2026-11-25T08:00:00Z', '2026-11-25T09:00:00Z');

interface Pair {
  exchange: DomainItem;
  crm: DomainItem;
  link: SyncLink;
}

function written(target: DomainItem, source: DomainItem, fields: readonly string[]): DomainItem {
  const out = structuredClone(target) as Record<string, unknown>;
  for (const f of fields) copyField(out, source, f);
  return out as DomainItem;
}

/** What the writers would do with a decision, as far as the items and the link are concerned. */
function apply(pair: Pair, decision: Decision): Pair {
  let { exchange, crm } = pair;
  for (const a of decision.actions as Action[]) {
    if (a.name === 'UpdateExchangeFromCrm') exchange = written(exchange, a.item, a.fields);
    if (a.name === 'UpdateCrmFromExchange') crm = written(crm, a.item, a.fields);
    if (a.name === 'MergeAndUpdateBoth') {
      exchange = written(exchange, a.item, a.exchangeFields);
      crm = written(crm, a.item, a.crmFields);
    }
  }
  const wroteExchange = writesOf(decision).some((a) => a.name !== 'UpdateCrmFromExchange');
  const wroteCrm = writesOf(decision).some((a) => a.name !== 'UpdateExchangeFromCrm');
  return {
    exchange,
    crm,
    link: {
      ...pair.link,
      base: decision.base ?? pair.link.base,
      exchange: { itemId: 'EX1', changeKey: wroteExchange ? 'ck-written' : (pair.link.exchange?.changeKey ?? 'ck1') },
      crm: { recordId: 'R1', version: wroteCrm ? 'written' : (pair.link.crm?.version ?? '1') },
    },
  };
}

function decideFrom(origin: 'exchange' | 'crm', pair: Pair, r: ReturnType<typeof rules>, lastModified?: string): Decision {
  const [item, other] = origin === 'exchange' ? [pair.exchange, pair.crm] : [pair.crm, pair.exchange];
  return decide(input({ link: pair.link, change: upsert(origin, item, 'later', lastModified), other: { item: other }, rules: r }));
}

describe('decide properties', () => {
  it('a pair where neither side changed a synced field vs the base gives Skip no-change (zero writes)', () => {
    fc.assert(
      fc.property(anyTriple, ruleSet, fc.constantFrom('exchange' as const, 'crm' as const), ([base], r, origin) => {
        const pair = { exchange: structuredClone(base), crm: structuredClone(base), link: link(base) };
        const d = decideFrom(origin, pair, r);
        expect(d.actions).toEqual([{ name: 'Skip', reason: 'no-change' }]);
      }),
    );
  });

  it('converges: after applying the writes, deciding again from either side writes nothing', () => {
    fc.assert(
      fc.property(anyTriple, ruleSet, fc.constantFrom('exchange' as const, 'crm' as const), times, times, ([base, ex, crm], r, origin, t1, t2) => {
        const pair: Pair = { exchange: ex, crm, link: link(base) };
        const first = decideFrom(origin, pair, r, t1);
        if (first.actions.some((a) => a.name === 'Quarantine')) return;
        const after = apply(pair, first);
        for (const side of ['exchange', 'crm'] as const) {
          const again = decideFrom(side, after, r, t2);
          expect(writesOf(again)).toEqual([]);
          expect(again.conflicts).toEqual([]);
        }
      }),
    );
  });

  it('a field changed on one side only always ends with that side’s value, in the base and the writes', () => {
    fc.assert(
      fc.property(triple(appointmentVersion), ruleSet, fc.constantFrom('exchange' as const, 'crm' as const), ([base, changed], r, origin) => {
        const pair = origin === 'exchange' ? { exchange: changed, crm: base, link: link(base) } : { exchange: base, crm: changed, link: link(base) };
        const d = decideFrom(origin, pair, r);
        expect(d.conflicts).toEqual([]);
        const after = apply(pair, d);
        for (const f of syncedFields('appointment', [base, changed])) {
          for (const item of [after.exchange, after.crm, after.link.base]) expect(fieldValue('appointment', item, f)).toEqual(fieldValue('appointment', changed, f));
        }
      }),
    );
  });
});
