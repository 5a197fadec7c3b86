import { describe, expect, it } from 'vitest';
import { appointmentSchema, contactSchema, taskSchema, type Appointment } from '@connector/core';
import { absenceFromNative, appointmentFromNative, appointmentToNative, contactFromNative, emailToNative, recurrenceFromRrule, rruleFromRecurrence, taskFromNative, taskStatusToNative } from './index.js';

// Samples written from the native format (CRM.interface's record formats), not produced by its code.
const CONTACT = `<?xml version="1.0" encoding="UTF-8"?><contact version="1" id="6f1c0c4e-0000-4000-8000-000000000001" recordVersion="42">
<firstName>Ada</firstName><lastName>Lovelace &amp; Co</lastName><jobTitle>Analyst</jobTitle><department/><notes/>
<emails><email kind="work">ada@example.com</email><email kind="home">ada@home.example</email></emails>
<phones><phone kind="mobile">+44 1</phone><phone kind="fax">+44 2</phone></phones>
<addresses><address kind="work"><street>1 Road</street><city>London</city><postalCode>N1</postalCode><region/><country>UK</country></address></addresses>
<customFields><field name="segment">A</field></customFields><companyName>Engines Ltd</companyName><favourite>true</favourite></contact>`;

describe('native XML → domain', () => {
  it('maps a person to a contact', () => {
    const c = contactFromNative(CONTACT);
    expect(contactSchema.parse(c)).toEqual(c);
    expect(c).toMatchObject({
      givenName: 'Ada', surname: 'Lovelace & Co', displayName: 'Ada Lovelace & Co', companyName: 'Engines Ltd', jobTitle: 'Analyst',
      emails: [{ slot: 'email1', address: 'ada@example.com' }, { slot: 'email2', address: 'ada@home.example' }],
      phones: [{ kind: 'mobile', number: '+44 1' }, { kind: 'businessFax', number: '+44 2' }],
      addresses: [{ kind: 'business', street: '1 Road', city: 'London', postalCode: 'N1', country: 'UK' }],
      extra: { segment: 'A' },
    });
    expect(c.department).toBeUndefined();
  });

  it('maps tasks and absences', () => {
    const t = taskFromNative('<task version="1"><subject>Call</subject><status>missed</status><percentComplete>30</percentComplete><dueDate>2026-12-01</dueDate><priority>high</priority><delegated>false</delegated></task>');
    expect(taskSchema.parse(t)).toEqual(t);
    expect(t).toMatchObject({ subject: 'Call', status: 'deferred', percentComplete: 30, due: '2026-12-01T00:00:00Z', importance: 'high' });
    expect(taskStatusToNative({ status: 'completed', percentComplete: 100, completedAt: '2026-12-02T10:00:00Z' })).toContain('<status>completed</status><percentComplete>100</percentComplete>');
    const a = absenceFromNative('<absence version="1"><type>vacation</type><startAt>2026-12-24T00:00:00.000Z</startAt><endAt>2026-12-31T00:00:00.000Z</endAt><allDay>true</allDay><timeZone>Europe/Berlin</timeZone></absence>');
    expect(a).toEqual({ type: 'absence', kind: 'vacation', start: '2026-12-24T00:00:00.000Z', end: '2026-12-31T00:00:00.000Z', timeZone: 'Europe/Berlin', isAllDay: true });
  });
});

describe('domain → native XML → domain', () => {
  const appointment: Appointment = appointmentSchema.parse({
    type: 'appointment', kind: 'visit', subject: 'Visit <Acme>', body: 'Bring slides', location: 'Berlin',
    start: '2026-12-01T09:00:00.000Z', end: '2026-12-01T10:00:00.000Z', timeZone: 'Europe/Berlin', reminderMinutes: 15, busyStatus: 'oof',
    sensitivity: 'private', categories: ['Customer'], organizer: { address: 'alice@demo.example', name: 'Alice' },
    attendees: [{ address: 'bob@example.com', name: 'Bob', role: 'optional', response: 'accepted' }],
    recurrence: { pattern: { kind: 'weekly', interval: 2, daysOfWeek: ['tuesday', 'thursday'], firstDayOfWeek: 'monday' }, range: { kind: 'numbered', startDate: '2026-12-01', count: 10 } },
  });

  it('keeps an appointment through a write and a read', () => {
    const back = appointmentFromNative(appointmentToNative(appointment));
    expect(back).toEqual({ ...appointment, extra: {} });
  });

  it("keeps a series' moved and deleted occurrences, reporting an exception's fields only where they differ from the master", () => {
    const series = {
      ...appointment,
      modifiedOccurrences: [{ originalStart: '2026-12-03T09:00:00.000Z', start: '2026-12-03T13:00:00.000Z', end: '2026-12-03T14:00:00.000Z', location: 'Hamburg' }],
      deletedOccurrences: ['2026-12-15T09:00:00.000Z'],
    };
    expect(appointmentFromNative(appointmentToNative(series))).toEqual({ ...series, extra: {} });
    // As the CRM returns it: the exception's missing fields filled in from the master.
    const inherited = appointmentToNative(series).replace('<location>Hamburg</location>', '<location>Hamburg</location><subject>Visit &lt;Acme&gt;</subject>');
    expect(appointmentFromNative(inherited).modifiedOccurrences).toEqual(series.modifiedOccurrences);
  });

  it('writes only the decided fields of an update', () => {
    const xml = appointmentToNative(appointment, ['location', 'deletedOccurrences']);
    expect(xml).toContain('<location>Berlin</location>');
    expect(xml).toContain('<rrule>');
    expect(xml).not.toContain('<subject>');
    expect(xml).not.toContain('<participants');
    expect(appointmentToNative(appointment, [])).toBe('<?xml version="1.0" encoding="UTF-8"?><activity version="1"></activity>');
  });

  it('translates recurrence rules both ways', () => {
    for (const rrule of ['FREQ=DAILY;INTERVAL=3;COUNT=5', 'FREQ=MONTHLY;BYDAY=-1FR', 'FREQ=YEARLY;BYMONTHDAY=24;BYMONTH=12;UNTIL=20301231T235959Z', 'FREQ=MONTHLY;BYMONTHDAY=15']) {
      const r = recurrenceFromRrule(rrule, '2026-12-01')!;
      expect(recurrenceFromRrule(rruleFromRecurrence(r), '2026-12-01')).toEqual(r);
    }
  });

  it('writes an e-mail with its participants and Message-ID', () => {
    const xml = emailToNative({
      type: 'email', internetMessageId: '<m1@example.com>', subject: 'Offer', direction: 'incoming', importance: 'normal', sensitivity: 'normal',
      from: { address: 'c@example.com' }, to: [{ address: 'alice@demo.example' }], cc: [{ address: 'x@example.com', name: 'X' }], bcc: [],
      isDraft: false, references: [], categories: [], sizeBytes: 10, attachments: [],
    });
    expect(xml).toContain('<internetMessageId>&lt;m1@example.com&gt;</internetMessageId>');
    expect(xml).toContain('<participant role="optional" response="none"><personId/><userId/><address>x@example.com</address><name>X</name></participant>');
  });
});
