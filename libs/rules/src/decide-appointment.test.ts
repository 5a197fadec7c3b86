import { describe, expect, it } from 'vitest';
import { decide } from './decide.js';
import { appointment, context, deletion, input, link, names, rules, skipReason, upsert } from './fixtures.test-support.js';

const base = appointment({ subject: 'Visit', location: 'Berlin' });
const foreign = { address: 'eve@partner.example' };

describe('appointments: new items', () => {
  it('creates a new CRM appointment in Exchange and a new Exchange one in the CRM', () => {
    const d = decide(input({ change: upsert('crm', base) }));
    expect(d.actions).toEqual([{ name: 'CreateInExchange', item: base, asPrivate: false }]);
    expect(d.base).toEqual(base);
    expect(names(decide(input({ change: upsert('exchange', appointment({ kind: 'appointment' })) })))).toEqual(['CreateInCrm']);
  });

  it('blocks new Exchange appointments when new ones only come from the CRM, not CRM ones', () => {
    const r = rules({ appointment: { newOnlyFromCrm: true } });
    expect(skipReason(decide(input({ change: upsert('exchange', base), rules: r })))).toBe('new-only-from-crm');
    expect(names(decide(input({ change: upsert('crm', base), rules: r })))).toEqual(['CreateInExchange']);
  });

  it('publishes a meeting of a foreign organizer read-only, or skips it when publishing is off', () => {
    const meeting = appointment({ organizer: foreign });
    const d = decide(input({ change: upsert('exchange', meeting) }));
    expect(d.actions).toEqual([{ name: 'Publish', crm: undefined, item: meeting, asPrivate: false }]);
    const off = rules({ appointment: { publishForeignOrganizer: false } });
    expect(skipReason(decide(input({ change: upsert('exchange', meeting), rules: off })))).toBe('foreign-organizer');
  });

  it('syncs two-way when the organizer is the user or another synced user', () => {
    for (const organizer of [{ address: 'ALICE@demo.example' }, { address: 'bob@demo.example' }]) {
      expect(names(decide(input({ change: upsert('exchange', appointment({ organizer })) })))).toEqual(['CreateInCrm']);
    }
  });

  it('skips CRM kinds not in crmTypes, items outside the window and private items by rule', () => {
    expect(skipReason(decide(input({ change: upsert('crm', appointment({ kind: 'call' })) })))).toBe('kind-not-synced');
    const old = appointment({ start: '2026-09-01T09:00:00Z', end: '2026-09-01T10:00:00Z' });
    expect(skipReason(decide(input({ change: upsert('crm', old) })))).toBe('outside-window');
    const far = appointment({ start: '2028-01-01T09:00:00Z', end: '2028-01-01T10:00:00Z' });
    expect(skipReason(decide(input({ change: upsert('exchange', far) })))).toBe('outside-window');
    const secret = appointment({ sensitivity: 'private' });
    expect(skipReason(decide(input({ change: upsert('crm', secret), rules: rules({ appointment: { privateItems: 'skip' } }) })))).toBe('private');
    expect(decide(input({ change: upsert('crm', secret) })).actions[0]).toMatchObject({ name: 'CreateInExchange', asPrivate: true });
    expect(decide(input({ change: upsert('crm', secret), rules: rules({ appointment: { privateItems: 'sync' } }) })).actions[0]).toMatchObject({ asPrivate: false });
  });

  it('takes a weekly series that started long ago but still runs as inside the window', () => {
    const series = appointment({
      start: '2025-01-06T09:00:00Z',
      end: '2025-01-06T10:00:00Z',
      recurrence: { pattern: { kind: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'monday' }, range: { kind: 'noEnd', startDate: '2025-01-06' } },
    });
    expect(names(decide(input({ change: upsert('crm', series) })))).toEqual(['CreateInExchange']);
    const ended = { ...series, recurrence: { ...series.recurrence!, range: { kind: 'endDate' as const, startDate: '2025-01-06', endDate: '2025-03-01' } } };
    expect(skipReason(decide(input({ change: upsert('crm', ended) })))).toBe('outside-window');
  });
});

describe('appointments: linked items', () => {
  const l = link(base);

  it('writes an Exchange edit to the CRM and a CRM edit to Exchange, fields only', () => {
    const d = decide(input({ link: l, change: upsert('exchange', appointment({ subject: 'Visit', location: 'Hamburg' })) }));
    expect(d.actions).toMatchObject([{ name: 'UpdateCrmFromExchange', crm: l.crm, fields: ['location'] }]);
    expect(d.reason).toBe('location changed in Exchange');
    const c = decide(input({ link: l, change: upsert('crm', appointment({ subject: 'Visit Acme', location: 'Berlin' })) }));
    expect(c.actions).toMatchObject([{ name: 'UpdateExchangeFromCrm', exchange: l.exchange, fields: ['subject'] }]);
  });

  it('skips an appointment merely opened in Outlook (no synced field changed): zero writes', () => {
    const reopened = { ...base, start: '2026-11-26T08:00:00Z', body: undefined, categories: [] };
    const d = decide(input({ link: l, change: upsert('exchange', reopened) }));
    expect(d.actions).toEqual([{ name: 'Skip', reason: 'no-change' }]);
    expect(d.base).toBeUndefined();
  });

  it('merges edits of different fields from both sides into MergeAndUpdateBoth', () => {
    const crmNow = appointment({ subject: 'Visit Acme', location: 'Berlin' });
    const d = decide(input({ link: l, change: upsert('exchange', appointment({ subject: 'Visit', location: 'Hamburg' })), other: { item: crmNow } }));
    expect(d.actions).toMatchObject([{ name: 'MergeAndUpdateBoth', exchangeFields: ['subject'], crmFields: ['location'] }]);
    expect(d.base).toMatchObject({ subject: 'Visit Acme', location: 'Hamburg' });
    expect(d.conflicts).toEqual([]);
  });

  it('records a conflict per the policy when the same field changed on both sides', () => {
    const crmNow = appointment({ subject: 'Visit', location: 'Potsdam' });
    const exchangeNow = appointment({ subject: 'Visit', location: 'Hamburg' });
    const d = decide(input({ link: l, change: upsert('exchange', exchangeNow), other: { item: crmNow } }));
    expect(names(d)).toEqual(['UpdateExchangeFromCrm', 'Conflict']);
    expect(d.conflicts).toEqual([{ field: 'location', base: 'Berlin', exchange: 'Hamburg', crm: 'Potsdam', winner: 'crm', policy: 'crm-wins' }]);
    const newest = rules({ appointment: { conflictPolicy: 'newest-wins' } });
    const n = decide(input({ link: l, rules: newest, change: upsert('exchange', exchangeNow, '2', '2026-11-25T09:00:00Z'), other: { item: crmNow, lastModified: '2026-11-25T08:00:00Z' } }));
    expect(names(n)).toEqual(['UpdateCrmFromExchange', 'Conflict']);
    expect(n.conflicts[0]?.winner).toBe('exchange');
  });

  it('never deletes an appointment that leaves the window, its kinds or turns private under skip', () => {
    const moved = appointment({ subject: 'Visit', location: 'Berlin', start: '2027-12-26T09:00:00Z', end: '2027-12-26T10:00:00Z' });
    expect(skipReason(decide(input({ link: l, change: upsert('crm', moved) })))).toBe('outside-window');
    expect(skipReason(decide(input({ link: l, change: upsert('crm', appointment({ kind: 'call', subject: 'Visit', location: 'Berlin' })) })))).toBe('kind-not-synced');
    const r = rules({ appointment: { privateItems: 'skip' } });
    expect(skipReason(decide(input({ link: l, rules: r, change: upsert('exchange', { ...base, sensitivity: 'private' }) })))).toBe('private');
  });

  it('issues the create again when the other side was never confirmed', () => {
    const pending = link(base, { state: 'pending-exchange', exchange: undefined });
    expect(names(decide(input({ link: pending, change: upsert('crm', appointment({ subject: 'Visit 2' })) })))).toEqual(['CreateInExchange']);
  });

  it('writes the origin in full when neither the base nor the other side is known', () => {
    const noBase = link(base, { base: undefined });
    const d = decide(input({ link: noBase, change: upsert('crm', base) }));
    expect(d.actions[0]).toMatchObject({ name: 'UpdateExchangeFromCrm', item: base });
    expect(d.base).toEqual(base);
  });

  it('treats an organizer-published meeting as read-only in the CRM', () => {
    const meeting = appointment({ organizer: foreign, subject: 'Partner call' });
    const published = link(meeting, { state: 'published' });
    const changed = { ...meeting, location: 'Online' };
    expect(decide(input({ link: published, change: upsert('exchange', changed) })).actions).toEqual([{ name: 'Publish', crm: published.crm, item: changed, asPrivate: false }]);
    expect(skipReason(decide(input({ link: published, change: upsert('exchange', meeting) })))).toBe('no-change');
    expect(skipReason(decide(input({ link: published, change: upsert('crm', changed) })))).toBe('published-read-only');
    expect(skipReason(decide(input({ link: published, change: deletion('crm') })))).toBe('published-read-only');
    expect(names(decide(input({ link: published, change: deletion('exchange') })))).toEqual(['FlagDeletedInCrm']);
    const oldMeeting = link(appointment({ organizer: foreign, start: '2026-01-05T09:00:00Z', end: '2026-01-05T10:00:00Z' }), { state: 'published' });
    expect(skipReason(decide(input({ link: oldMeeting, change: deletion('exchange') })))).toBe('deletion-outside-window');
  });
});

describe('appointments: deletions', () => {
  const l = link(base);

  it('flags or deletes the CRM activity on an Exchange delete, per rule', () => {
    expect(decide(input({ link: l, change: deletion('exchange') })).actions).toEqual([{ name: 'FlagDeletedInCrm', crm: l.crm }]);
    const r = rules({ appointment: { exchangeDeletes: 'delete' } });
    expect(decide(input({ link: l, rules: r, change: deletion('exchange') })).actions).toEqual([{ name: 'DeleteInCrm', crm: l.crm }]);
  });

  it('removes the Exchange item on a CRM delete', () => {
    expect(decide(input({ link: l, change: deletion('crm') })).actions).toEqual([{ name: 'DeleteInExchange', exchange: l.exchange }]);
  });

  it('does not propagate the deletion of an item older than the deletion window', () => {
    const old = appointment({ start: '2026-09-01T09:00:00Z', end: '2026-09-01T10:00:00Z' });
    expect(skipReason(decide(input({ link: link(old), change: deletion('crm') })))).toBe('deletion-outside-window');
    expect(skipReason(decide(input({ link: link(old), change: deletion('exchange'), rules: rules({ appointment: { window: { deletionPastDays: 120 } } }) })))).toBeUndefined();
  });

  it('skips a deletion of an item never synced', () => {
    expect(skipReason(decide(input({ objectType: 'appointment', change: deletion('exchange') })))).toBe('unknown-item');
  });

  it('recreates in the CRM when appointments flow only Exchange → CRM and the CRM deleted one', () => {
    const r = rules({ appointment: { direction: 'exchange-to-crm' } });
    expect(decide(input({ link: l, rules: r, change: deletion('crm'), context: context() })).actions).toEqual([{ name: 'CreateInCrm', item: base, asPrivate: false }]);
  });
});
