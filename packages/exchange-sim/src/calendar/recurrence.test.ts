import { describe, expect, it } from 'vitest';
import { recurrenceCodec } from './recurrence.js';

describe('recurrence rendering', () => {
  it('always names the week start of a weekly pattern, as Exchange does (Sunday when never set)', () => {
    const weekly = { pattern: { type: 'Weekly', interval: 1, daysOfWeek: ['Monday'] }, range: { type: 'NoEnd', startDate: '2026-03-23' } };
    expect(recurrenceCodec.render('Recurrence', weekly)).toContain('<t:FirstDayOfWeek>Sunday</t:FirstDayOfWeek>');
    const monday = { ...weekly, pattern: { ...weekly.pattern, firstDayOfWeek: 'Monday' } };
    expect(recurrenceCodec.render('Recurrence', monday)).toContain('<t:FirstDayOfWeek>Monday</t:FirstDayOfWeek>');
  });
});
