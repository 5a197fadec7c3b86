import type { DomainItem, Side, SyncLink } from '@connector/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writesOf, type Action, type Decision } from './actions.js';
import type { CompiledRules } from './compile-rules.js';
import { decide } from './decide.js';
import { appointment, context, link, rules, task } from './fixtures.test-support.js';
import { copyField, project, syncedFields } from './fields/projection.js';

/**
 * A pair of sides and a link, driven by random user edits and connector cycles, the way the
 * pipeline would: pollers report the current version, writers write only the decided fields
 * and store the versions they produced on the link.
 */
interface World {
  items: Record<Side, DomainItem>;
  versions: Record<Side, number>;
  editedAt: Record<Side, number>;
  link: SyncLink;
  writes: number;
}

type Step = { kind: 'edit'; side: Side; item: DomainItem } | { kind: 'sync'; side: Side };

const appointments = fc
  .record({
    subject: fc.constantFrom('Visit', 'Visit Acme', 'Review'),
    location: fc.constantFrom(undefined, 'Berlin', 'Hamburg'),
    start: fc.constantFrom('2026-11-26T09:00:00+01:00', '2026-11-26T08:00:00Z', '2026-11-26T10:00:00+01:00'),
    body: fc.constantFrom(undefined, 'Agenda', 'Agenda\r\n'),
  })
  .map((v) => appointment({ ...v, end: '2026-11-26T12:00:00Z' }) as DomainItem);
const tasks = fc
  .record({
    subject: fc.constantFrom('Call', 'Call Bea'),
    status: fc.constantFrom('notStarted' as const, 'inProgress' as const, 'completed' as const),
    percentComplete: fc.constantFrom(0, 50, 100),
  })
  .map((v) => task(v) as DomainItem);
const policy = fc.constantFrom('crm-wins' as const, 'exchange-wins' as const, 'newest-wins' as const);
const side = fc.constantFrom<Side>('exchange', 'crm');

function stepsOf(versions: fc.Arbitrary<DomainItem>): fc.Arbitrary<Step[]> {
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.record({ kind: fc.constant('edit' as const), side, item: versions }),
    fc.record({ kind: fc.constant('sync' as const), side }),
  );
  return fc.array(step, { maxLength: 12 });
}

function write(target: DomainItem, source: DomainItem, fields: readonly string[]): DomainItem {
  const out = structuredClone(target) as Record<string, unknown>;
  for (const f of fields) copyField(out, source, f);
  return out as DomainItem;
}

function fieldsWritten(action: Action, target: Side): readonly string[] | undefined {
  if (action.name === 'MergeAndUpdateBoth') return target === 'exchange' ? action.exchangeFields : action.crmFields;
  if (action.name === 'UpdateExchangeFromCrm' && target === 'exchange') return action.fields;
  if (action.name === 'UpdateCrmFromExchange' && target === 'crm') return action.fields;
  return undefined;
}

function sync(world: World, origin: Side, r: CompiledRules, clock: number): Decision {
  const other: Side = origin === 'exchange' ? 'crm' : 'exchange';
  const version = String(world.versions[origin]);
  const change =
    origin === 'exchange'
      ? { origin, kind: 'upsert' as const, item: world.items.exchange, exchange: { itemId: 'EX1', changeKey: version } }
      : { origin, kind: 'upsert' as const, item: world.items.crm, crm: { recordId: 'R1', version } };
  const at = (s: Side) => new Date(world.editedAt[s]).toISOString();
  const d = decide({
    objectType: world.link.objectType,
    link: world.link,
    change: { ...change, lastModified: at(origin) },
    other: { item: world.items[other], lastModified: at(other) },
    rules: r,
    context: context({ now: new Date(clock).toISOString() }),
  });
  for (const target of ['exchange', 'crm'] as const) {
    const fields = d.actions.map((a) => fieldsWritten(a, target)).find((f) => f !== undefined);
    if (!fields) continue;
    const merged = d.base as DomainItem;
    world.items[target] = write(world.items[target], merged, fields);
    world.editedAt[target] = clock;
    world.versions[target] += 1;
    world.writes += 1;
  }
  if (!d.actions.some((a) => a.name === 'Skip' && a.reason === 'echo')) {
    world.link = {
      ...world.link,
      base: d.base ?? world.link.base,
      exchange: { itemId: 'EX1', changeKey: String(world.versions.exchange) },
      crm: { recordId: 'R1', version: String(world.versions.crm) },
    };
  }
  return d;
}

function run(start: DomainItem, steps: Step[], r: CompiledRules): World {
  const t0 = Date.parse('2026-11-25T08:00:00Z');
  const world: World = {
    items: { exchange: start, crm: start },
    versions: { exchange: 1, crm: 1 },
    editedAt: { exchange: t0, crm: t0 },
    link: link(start, { exchange: { itemId: 'EX1', changeKey: '1' }, crm: { recordId: 'R1', version: '1' } }),
    writes: 0,
  };
  let clock = t0;
  for (const step of steps) {
    clock += 60_000;
    if (step.kind === 'edit') {
      world.items[step.side] = step.item;
      world.versions[step.side] += 1;
      world.editedAt[step.side] = clock;
    } else sync(world, step.side, r, clock);
  }
  // Two full cycles: the first brings both sides' pending edits in, the second must be quiet.
  for (const s of ['exchange', 'crm', 'exchange', 'crm'] as const) sync(world, s, r, (clock += 60_000));
  return world;
}

describe('simulated cycles: any interleaving of edits and syncs converges', () => {
  it.each([
    ['appointments', appointments],
    ['tasks', tasks],
  ])('%s: both sides agree on every synced field and a further cycle writes nothing', (_name, versions) => {
    fc.assert(
      fc.property(versions, stepsOf(versions), policy, fc.boolean(), (start, steps, conflictPolicy, statusBack) => {
        const r = rules({ appointment: { conflictPolicy }, task: { conflictPolicy, statusBack } });
        const world = run(start, steps, r);
        const fields = syncedFields(start.type, [world.items.exchange, world.items.crm]);
        expect(project(start.type, world.items.exchange, fields)).toEqual(project(start.type, world.items.crm, fields));
        expect(project(start.type, world.link.base, fields)).toEqual(project(start.type, world.items.crm, fields));
        const writesBefore = world.writes;
        for (const s of ['exchange', 'crm'] as const) {
          world.versions[s] += 1; // an item merely opened: new version, same content
          expect(writesOf(sync(world, s, r, Date.parse('2026-11-25T12:00:00Z')))).toEqual([]);
        }
        expect(world.writes).toBe(writesBefore);
      }),
      { numRuns: 200 },
    );
  });
});
