import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appointment, contact } from './fixtures.test-support.js';
import { differingFields, syncedFields } from './fields/projection.js';
import { body, instant, stableStringify, text } from './normalize.js';

const fields = syncedFields('appointment', []);

describe('normalisation before comparison', () => {
  it('treats blank, absent and padded text alike and unifies body line endings', () => {
    expect(text('  ')).toBeNull();
    expect(text(undefined)).toBeNull();
    expect(text(' Visit ')).toBe('Visit');
    expect(body('Agenda\r\n- one  \r\n- two\r\n\r\n')).toBe(body('Agenda\n- one\n- two'));
  });

  it('compares instants as instants: +01:00 and Z for the same moment are equal', () => {
    expect(instant('2026-11-26T09:00:00+01:00')).toBe(instant('2026-11-26T08:00:00Z'));
    expect(instant('2026-11-26T08:00:00.000Z')).toBe(instant('2026-11-26T08:00:00Z'));
    expect(instant('2026-11-26T09:00:00+01:00')).not.toBe(instant('2026-11-26T09:00:00Z'));
  });

  it('finds no change in an appointment merely re-serialised by Outlook', () => {
    const crm = appointment({
      body: 'Agenda\n- prices',
      categories: ['CRM', 'Acme'],
      attendees: [
        { address: 'bob@demo.example', role: 'required', response: 'accepted' },
        { address: 'Bea@Acme.example', name: 'Bea', role: 'required', response: 'none' },
      ],
      recurrence: { pattern: { kind: 'weekly', interval: 1, daysOfWeek: ['friday', 'monday'], firstDayOfWeek: 'monday' }, range: { kind: 'noEnd', startDate: '2026-11-23' } },
      deletedOccurrences: ['2026-12-04T09:00:00+01:00', '2026-11-27T09:00:00+01:00'],
    });
    const outlook = appointment({
      start: '2026-11-26T08:00:00Z',
      end: '2026-11-26T08:00:00.000-01:00',
      subject: 'Visit Acme ',
      body: 'Agenda\r\n- prices\r\n',
      categories: ['Acme', 'CRM', 'Acme'],
      attendees: [
        { address: 'bea@acme.example', name: 'Berger, Bea', role: 'required', response: 'none' },
        { address: 'bob@demo.example', role: 'required', response: 'accepted' },
      ],
      recurrence: { pattern: { kind: 'weekly', interval: 1, daysOfWeek: ['monday', 'friday'], firstDayOfWeek: 'monday' }, range: { kind: 'noEnd', startDate: '2026-11-23' } },
      deletedOccurrences: ['2026-11-27T08:00:00Z', '2026-12-04T08:00:00Z'],
    });
    expect(differingFields('appointment', crm, outlook, fields)).toEqual([]);
  });

  it('sees a changed attendee response and a changed phone number, not a reformatted one', () => {
    const a = appointment({ attendees: [{ address: 'bob@demo.example', role: 'required', response: 'none' }] });
    const b = appointment({ attendees: [{ address: 'bob@demo.example', role: 'required', response: 'declined' }] });
    expect(differingFields('appointment', a, b, fields)).toEqual(['attendees']);
    const phoneFields = syncedFields('contact', []);
    const c1 = contact({ phones: [{ kind: 'business', number: '+49 30 123-45' }] });
    expect(differingFields('contact', c1, contact({ phones: [{ kind: 'business', number: '+493012345' }] }), phoneFields)).toEqual([]);
    expect(differingFields('contact', c1, contact({ phones: [{ kind: 'business', number: '+493012346' }] }), phoneFields)).toEqual(['phones']);
  });

  it('property: an instant written with any offset compares equal to its UTC form', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01Z'), max: new Date('2090-01-01Z'), noInvalidDate: true }), fc.integer({ min: -14 * 60, max: 14 * 60 }), (date, offsetMinutes) => {
        const utc = date.toISOString();
        const shifted = new Date(date.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 23);
        const sign = offsetMinutes < 0 ? '-' : '+';
        const abs = Math.abs(offsetMinutes);
        const withOffset = `${shifted}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
        expect(instant(withOffset)).toBe(instant(utc));
        const a = appointment({ start: utc, end: utc });
        const b = appointment({ start: withOffset, end: withOffset });
        expect(differingFields('appointment', a, b, fields)).toEqual([]);
      }),
    );
  });

  it('serialises canonical values with sorted keys', () => {
    expect(stableStringify({ b: 1, a: [true, null] })).toBe('{"a":[true,null],"b":1}');
  });
});
