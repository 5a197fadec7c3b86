import { describe, expect, it } from 'vitest';
import { domainItemSchema } from './item.schema.js';

describe('domain model', () => {
  it('carries a recurring appointment with exceptions and attendees', () => {
    const item = domainItemSchema.parse({
      type: 'appointment',
      kind: 'visit',
      subject: 'Weekly review',
      start: '2026-03-23T09:00:00+01:00',
      end: '2026-03-23T10:00:00+01:00',
      timeZone: 'Europe/Berlin',
      attendees: [{ address: 'bob@demo.example', response: 'accepted' }],
      recurrence: { pattern: { kind: 'weekly', interval: 1, daysOfWeek: ['monday'] }, range: { kind: 'numbered', startDate: '2026-03-23', count: 6 } },
      modifiedOccurrences: [{ originalStart: '2026-03-30T09:00:00+02:00', start: '2026-03-31T11:00:00+02:00', end: '2026-03-31T12:00:00+02:00' }],
      deletedOccurrences: ['2026-04-06T09:00:00+02:00'],
    });
    expect(item.type).toBe('appointment');
    if (item.type !== 'appointment') return;
    expect(item.attendees[0]).toEqual({ address: 'bob@demo.example', role: 'required', response: 'accepted' });
    expect(item.recurrence?.pattern).toEqual({ kind: 'weekly', interval: 1, daysOfWeek: ['monday'], firstDayOfWeek: 'monday' });
  });

  it('rejects an unknown type, bad addresses, bad percentages and bad recurrence', () => {
    expect(domainItemSchema.safeParse({ type: 'note' }).success).toBe(false);
    expect(domainItemSchema.safeParse({ type: 'contact', emails: [{ slot: 'email4', address: 'x@y.z' }] }).success).toBe(false);
    expect(domainItemSchema.safeParse({ type: 'task', percentComplete: 140 }).success).toBe(false);
    const badSeries = domainItemSchema.safeParse({
      type: 'appointment', start: '2026-03-23T09:00:00Z', end: '2026-03-23T10:00:00Z', timeZone: 'UTC',
      recurrence: { pattern: { kind: 'weekly', interval: 0, daysOfWeek: [] }, range: { kind: 'noEnd', startDate: '2026-03-23' } },
    });
    expect(badSeries.success).toBe(false);
  });
});
