import { describe, expect, it } from 'vitest';
import { expandSeries } from './expand.js';
import type { Recurrence } from './recurrence.js';

const starts = (rec: Recurrence, start: string, tz = 'UTC', until = Date.parse('2030-01-01T00:00:00Z')) =>
  expandSeries(rec, start, new Date(Date.parse(start) + 3_600_000).toISOString(), tz, until).map((o) => new Date(o.start).toISOString().slice(0, 16));

describe('recurrence expansion', () => {
  it('keeps local wall time across the DST change (W. Europe Standard Time)', () => {
    const rec: Recurrence = { pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Thursday'] }, range: { type: 'Numbered', startDate: '2026-03-19', count: 3 } };
    expect(starts(rec, '2026-03-19T09:00:00Z', 'W. Europe Standard Time')).toEqual(['2026-03-19T09:00', '2026-03-26T09:00', '2026-04-02T08:00']);
  });

  it('daily with interval and end date', () => {
    const rec: Recurrence = { pattern: { type: 'Daily', interval: 2 }, range: { type: 'EndDate', startDate: '2026-01-01', endDate: '2026-01-07' } };
    expect(starts(rec, '2026-01-01T10:00:00Z')).toEqual(['2026-01-01T10:00', '2026-01-03T10:00', '2026-01-05T10:00', '2026-01-07T10:00']);
  });

  it('weekly on several days every second week', () => {
    const rec: Recurrence = { pattern: { type: 'Weekly', interval: 2, daysOfWeek: ['Monday', 'Wednesday'], firstDayOfWeek: 'Monday' }, range: { type: 'Numbered', startDate: '2026-01-05', count: 4 } };
    expect(starts(rec, '2026-01-05T10:00:00Z')).toEqual(['2026-01-05T10:00', '2026-01-07T10:00', '2026-01-19T10:00', '2026-01-21T10:00']);
  });

  it('absolute monthly clamps to the last day; relative monthly finds the last Friday', () => {
    const abs: Recurrence = { pattern: { type: 'AbsoluteMonthly', interval: 1, dayOfMonth: 31 }, range: { type: 'Numbered', startDate: '2026-01-31', count: 3 } };
    expect(starts(abs, '2026-01-31T10:00:00Z')).toEqual(['2026-01-31T10:00', '2026-02-28T10:00', '2026-03-31T10:00']);
    const rel: Recurrence = { pattern: { type: 'RelativeMonthly', interval: 1, daysOfWeek: ['Friday'], dayOfWeekIndex: 'Last' }, range: { type: 'Numbered', startDate: '2026-01-01', count: 2 } };
    expect(starts(rel, '2026-01-30T10:00:00Z')).toEqual(['2026-01-30T10:00', '2026-02-27T10:00']);
  });

  it('absolute and relative yearly, and a series without end stops at the window', () => {
    const abs: Recurrence = { pattern: { type: 'AbsoluteYearly', dayOfMonth: 29, month: 'February' }, range: { type: 'Numbered', startDate: '2024-02-29', count: 3 } };
    expect(starts(abs, '2024-02-29T10:00:00Z')).toEqual(['2024-02-29T10:00', '2025-02-28T10:00', '2026-02-28T10:00']);
    const rel: Recurrence = { pattern: { type: 'RelativeYearly', daysOfWeek: ['Thursday'], dayOfWeekIndex: 'Fourth', month: 'November' }, range: { type: 'NoEnd', startDate: '2026-01-01' } };
    expect(starts(rel, '2026-11-26T17:00:00Z', 'UTC', Date.parse('2028-01-01T00:00:00Z'))).toEqual(['2026-11-26T17:00', '2027-11-25T17:00']);
  });
});
