import { describe, expect, it } from 'vitest';
import { decide } from './decide.js';
import { absence, deletion, input, link, rules, skipReason, upsert } from './fixtures.test-support.js';

const vacation = absence();
const l = link(vacation);

describe('absences: CRM → Exchange', () => {
  it('creates an absence in the calendar, private by default', () => {
    expect(decide(input({ change: upsert('crm', vacation) })).actions).toEqual([{ name: 'CreateInExchange', item: vacation, asPrivate: true }]);
    const r = rules({ absence: { privateByDefault: false } });
    expect(decide(input({ change: upsert('crm', vacation), rules: r })).actions[0]).toMatchObject({ asPrivate: false });
  });

  it('overwrites Outlook edits and recreates an absence deleted in Outlook', () => {
    const moved = { ...vacation, end: '2026-12-08T00:00:00+01:00' };
    expect(decide(input({ link: l, change: upsert('exchange', moved) })).actions).toMatchObject([{ name: 'UpdateExchangeFromCrm', fields: ['end'], item: { end: vacation.end } }]);
    expect(decide(input({ link: l, change: deletion('exchange') })).actions).toEqual([{ name: 'CreateInExchange', item: vacation, asPrivate: true }]);
  });

  it('follows CRM changes and deletions', () => {
    expect(decide(input({ link: l, change: upsert('crm', { ...vacation, kind: 'sickness' }) })).actions).toMatchObject([{ name: 'UpdateExchangeFromCrm', fields: ['kind'] }]);
    expect(decide(input({ link: l, change: deletion('crm') })).actions).toEqual([{ name: 'DeleteInExchange', exchange: l.exchange }]);
  });

  it('ignores absences created in Outlook and measures the window on the end', () => {
    expect(skipReason(decide(input({ change: upsert('exchange', vacation) })))).toBe('direction');
    const running = absence({ start: '2026-08-01T00:00:00Z', end: '2026-11-30T00:00:00Z' });
    expect(decide(input({ change: upsert('crm', running) })).actions[0]?.name).toBe('CreateInExchange');
    expect(skipReason(decide(input({ change: upsert('crm', absence({ start: '2026-01-01T00:00:00Z', end: '2026-01-05T00:00:00Z' })) })))).toBe('outside-window');
  });

  it('quarantines an absence ending before it starts', () => {
    expect(decide(input({ change: upsert('crm', absence({ end: '2026-11-30T00:00:00Z' })) })).actions[0]).toMatchObject({ name: 'Quarantine', problems: ['end: before start'] });
  });
});
