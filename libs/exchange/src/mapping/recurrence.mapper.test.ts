import { describe, expect, it } from 'vitest';
import { DayOfTheWeek, Recurrence as EwsRecurrence } from 'ews-javascript-api';
import type { Recurrence } from '@connector/core';
import { daysToRelative, recurrenceFromEws, recurrenceToEws } from './recurrence.mapper.js';
import { expandRecurrence, occurrenceIndex } from './recurrence-expander.js';

const cases: Recurrence[] = [
  { pattern: { kind: 'daily', interval: 2 }, range: { kind: 'numbered', startDate: '2026-03-23', count: 5 } },
  { pattern: { kind: 'weekly', interval: 1, daysOfWeek: ['monday', 'thursday'], firstDayOfWeek: 'monday' }, range: { kind: 'endDate', startDate: '2026-03-23', endDate: '2026-05-01' } },
  { pattern: { kind: 'weekly', interval: 2, daysOfWeek: ['friday'], firstDayOfWeek: 'sunday' }, range: { kind: 'noEnd', startDate: '2026-01-02' } },
  { pattern: { kind: 'absoluteMonthly', interval: 1, dayOfMonth: 31 }, range: { kind: 'numbered', startDate: '2026-01-31', count: 4 } },
  { pattern: { kind: 'relativeMonthly', interval: 1, daysOfWeek: ['tuesday'], weekIndex: 'last' }, range: { kind: 'numbered', startDate: '2026-01-01', count: 3 } },
  { pattern: { kind: 'relativeMonthly', interval: 3, daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], weekIndex: 'first' }, range: { kind: 'noEnd', startDate: '2026-01-01' } },
  { pattern: { kind: 'absoluteYearly', month: 2, dayOfMonth: 29 }, range: { kind: 'numbered', startDate: '2024-02-29', count: 3 } },
  { pattern: { kind: 'relativeYearly', month: 11, daysOfWeek: ['thursday'], weekIndex: 'fourth' }, range: { kind: 'endDate', startDate: '2026-01-01', endDate: '2030-12-31' } },
];

describe('recurrence ⇄ ews-javascript-api', () => {
  it.each(cases.map((c) => [c.pattern.kind, c] as const))('round-trips a %s pattern with its range', (_kind, recurrence) => {
    const ews = recurrenceToEws(recurrence);
    expect(recurrenceFromEws(ews)).toEqual(recurrence);
  });

  it('builds the library classes Exchange expects', () => {
    expect(recurrenceToEws(cases[1]!)).toBeInstanceOf(EwsRecurrence.WeeklyPattern);
    expect(recurrenceToEws(cases[4]!)).toBeInstanceOf(EwsRecurrence.RelativeMonthlyPattern);
    expect(recurrenceToEws(cases[7]!)).toBeInstanceOf(EwsRecurrence.RelativeYearlyPattern);
  });

  it('maps day sets of relative patterns to Day / Weekday / WeekendDay, and refuses others', () => {
    expect(daysToRelative(['saturday', 'sunday'])).toBe(DayOfTheWeek.WeekendDay);
    expect(daysToRelative(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'])).toBe(DayOfTheWeek.Weekday);
    expect(() => daysToRelative(['monday', 'friday'])).toThrow(expect.objectContaining({ code: 'EXCHANGE_BAD_INPUT' }));
  });
});

describe('occurrence expansion', () => {
  it('expands weekly patterns from the range start, week by week', () => {
    expect(expandRecurrence(cases[1]!).slice(0, 4)).toEqual(['2026-03-23', '2026-03-26', '2026-03-30', '2026-04-02']);
    expect(expandRecurrence(cases[1]!).at(-1)).toBe('2026-04-30');
  });

  it('clamps day 31 to short months and follows leap days', () => {
    expect(expandRecurrence(cases[3]!)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    expect(expandRecurrence(cases[6]!)).toEqual(['2024-02-29', '2025-02-28', '2026-02-28']);
  });

  it('finds relative days (last Tuesday, fourth Thursday of November, first weekday)', () => {
    expect(expandRecurrence(cases[4]!)).toEqual(['2026-01-27', '2026-02-24', '2026-03-31']);
    expect(expandRecurrence(cases[7]!).slice(0, 2)).toEqual(['2026-11-26', '2027-11-25']);
    expect(expandRecurrence(cases[5]!, 3)).toEqual(['2026-01-01', '2026-04-01', '2026-07-01']);
  });

  it('gives 1-based occurrence indexes, undefined off the pattern', () => {
    expect(occurrenceIndex(cases[0]!, '2026-03-27')).toBe(3);
    expect(occurrenceIndex(cases[0]!, '2026-03-24')).toBeUndefined();
    expect(occurrenceIndex(cases[0]!, '2026-04-02')).toBeUndefined();
  });
});
