import { describe, expect, it } from 'vitest';
import { ACTIVITY_DEFAULTS, type Activity } from '../records/activity.schema.js';
import { PERSON_DEFAULTS, type Person } from '../records/person.schema.js';
import { TASK_DEFAULTS, type Task } from '../records/task.schema.js';
import type { Absence } from '../records/absence.schema.js';
import { recordCodec } from './record-codec.js';
import { FORMAT_ERROR_CODES } from './format.error.js';

const meta = { id: '6f1c2c8e-3f7e-4b8e-9a43-7b0b7c1d2e3f', version: '7', updatedAt: '2026-11-25T10:00:00.000Z' };

const person: Person = {
  ...PERSON_DEFAULTS,
  ...meta,
  companyName: 'ACME; Söhne',
  favourite: false,
  salutation: 'Ms.',
  title: 'Dr.',
  firstName: 'Cora',
  lastName: 'Müller',
  jobTitle: 'Head of Purchasing',
  department: 'Purchasing',
  birthday: '1980-02-29',
  notes: 'Prefers calls, not mails;\nspeaks German, English',
  contactType: 'customer',
  emails: [{ address: 'cora@customer.example', kind: 'work' }, { address: 'cora@home.example', kind: 'home' }],
  phones: [{ number: '+49 30 1234', kind: 'work' }, { number: '+49 170 1', kind: 'mobile' }, { number: '+49 30 9', kind: 'fax' }],
  addresses: [{ kind: 'work', street: 'Hauptstraße 1', city: 'Berlin', postalCode: '10115', region: null, country: 'Germany' }],
};

const carried = (p: Person) => ({
  salutation: p.salutation, title: p.title, firstName: p.firstName, lastName: p.lastName, jobTitle: p.jobTitle, department: p.department,
  birthday: p.birthday, notes: p.notes, contactType: p.contactType, emails: p.emails, phones: p.phones, addresses: p.addresses,
});

const series: Activity = {
  ...ACTIVITY_DEFAULTS,
  ...meta,
  documents: [],
  kind: 'visit',
  subject: 'Weekly review, part 1; room B',
  bodyText: 'Agenda:\n- numbers\n- plans',
  location: 'Berlin, Room B',
  startAt: '2026-12-07T08:00:00.000Z',
  endAt: '2026-12-07T09:30:00.000Z',
  timeZone: 'Europe/Berlin',
  private: true,
  importance: 'high',
  reminderMinutes: 15,
  busyStatus: 'tentative',
  categories: ['CRM', 'Key account'],
  organizer: { userId: null, address: 'alice@demo.example', name: 'Alice' },
  participants: [
    { personId: null, userId: null, address: 'cora@customer.example', name: 'Cora', role: 'required', response: 'accepted' },
    { personId: null, userId: null, address: 'bob@demo.example', name: null, role: 'optional', response: 'declined' },
  ],
  recurrence: { rrule: 'FREQ=WEEKLY;COUNT=10;BYDAY=MO', deletedOccurrences: ['2026-12-21T08:00:00.000Z'] },
  exceptions: [
    { originalStart: '2026-12-14T08:00:00.000Z', startAt: '2026-12-14T13:00:00.000Z', endAt: '2026-12-14T14:00:00.000Z', allDay: false, subject: 'Moved review', bodyText: null, location: 'Room C', busyStatus: null, reminderMinutes: null },
  ],
};

const eventCarried = (a: Activity) => ({
  subject: a.subject, bodyText: a.bodyText, location: a.location, startAt: a.startAt, endAt: a.endAt, allDay: a.allDay, private: a.private,
  importance: a.importance, reminderMinutes: a.reminderMinutes, busyStatus: a.busyStatus, categories: a.categories, participants: a.participants,
  recurrence: a.recurrence, kind: a.kind,
  exceptions: a.exceptions.map((e) => ({ originalStart: e.originalStart, startAt: e.startAt, endAt: e.endAt, subject: e.subject, location: e.location })),
});

describe('vCard', () => {
  for (const type of ['text/x-vcard', 'text/vcard']) {
    it(`round-trips a person through ${type}`, () => {
      const text = recordCodec.encode('contacts', person, type);
      expect(text).toMatch(type === 'text/x-vcard' ? /VERSION:2\.1/ : /VERSION:3\.0/);
      expect(recordCodec.decode('contacts', type, text)).toMatchObject(carried(person));
    });
  }

  it('reads a vCard 2.1 with bare type parameters and quoted-printable values', () => {
    const card = ['BEGIN:VCARD', 'VERSION:2.1', 'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=BCrgen', 'TEL;WORK;VOICE:+49 30 1',
      'TEL;CELL:+49 170 2', 'EMAIL;INTERNET;HOME:j@home.example', 'NOTE;ENCODING=QUOTED-PRINTABLE:line one=0D=0Aline =', 'two', 'END:VCARD', ''].join('\r\n');
    expect(recordCodec.decode('contacts', 'text/x-vcard', card)).toMatchObject({
      lastName: 'Müller', firstName: 'Jürgen', notes: 'line one\nline two',
      phones: [{ kind: 'work', number: '+49 30 1' }, { kind: 'mobile', number: '+49 170 2' }],
      emails: [{ kind: 'home', address: 'j@home.example' }],
    });
  });
});

describe('iCalendar 2.0 and vCalendar 1.0', () => {
  for (const type of ['text/calendar', 'text/x-vcalendar']) {
    it(`round-trips a recurring appointment with an exception through ${type}`, () => {
      const text = recordCodec.encode('calendar', series, type);
      const decoded = recordCodec.decode('calendar', type, text) as unknown as Activity;
      expect(eventCarried({ ...series, ...decoded })).toEqual(eventCarried(series));
      expect(decoded.organizer).toMatchObject({ address: 'alice@demo.example' });
      expect(decoded.timeZone).toBe('Europe/Berlin');
    });

    it(`round-trips an all-day appointment and a task through ${type}`, () => {
      const allDay = { ...series, recurrence: null, exceptions: [], allDay: true, startAt: '2026-12-24T00:00:00.000Z', endAt: '2026-12-26T00:00:00.000Z' };
      const decoded = recordCodec.decode('calendar', type, recordCodec.encode('calendar', allDay, type));
      expect(decoded).toMatchObject({ allDay: true, startAt: allDay.startAt, endAt: allDay.endAt, recurrence: null, exceptions: [] });
      const task: Task = { ...TASK_DEFAULTS, ...meta, subject: 'Send offer', body: 'with discount', status: 'waiting', percentComplete: 40, startDate: '2026-11-30', dueDate: '2026-12-04', priority: 'low', reminderAt: '2026-12-03T08:00:00.000Z', private: true };
      expect(recordCodec.decode('tasks', type, recordCodec.encode('tasks', task, type))).toMatchObject({
        subject: 'Send offer', body: 'with discount', status: 'waiting', percentComplete: 40, startDate: '2026-11-30', dueDate: '2026-12-04',
        priority: 'low', reminderAt: '2026-12-03T08:00:00.000Z', private: true,
      });
    });
  }

  it('reads Outlook-style events with a Windows time zone defined in VTIMEZONE', () => {
    const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VTIMEZONE', 'TZID:W. Europe Standard Time', 'BEGIN:STANDARD', 'DTSTART:16010101T030000',
      'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10', 'END:STANDARD', 'BEGIN:DAYLIGHT', 'DTSTART:16010101T020000',
      'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3', 'END:DAYLIGHT', 'END:VTIMEZONE', 'BEGIN:VEVENT', 'UID:x',
      'DTSTART;TZID=W. Europe Standard Time:20260701T090000', 'DTEND;TZID=W. Europe Standard Time:20260701T100000', 'SUMMARY:Summer',
      'BEGIN:VALARM', 'TRIGGER:-PT30M', 'ACTION:DISPLAY', 'END:VALARM', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    expect(recordCodec.decode('calendar', 'text/calendar', ics)).toMatchObject({ startAt: '2026-07-01T07:00:00.000Z', endAt: '2026-07-01T08:00:00.000Z', reminderMinutes: 30 });
  });

  it('reads a vCalendar 1.0 event as old phones write it', () => {
    const vcs = ['BEGIN:VCALENDAR', 'VERSION:1.0', 'BEGIN:VEVENT', 'SUMMARY;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Besprechung M=C3=BCller', 'DTSTART:20261207T080000Z',
      'DTEND:20261207T090000Z', 'RRULE:W1 MO #10', 'AALARM:20261207T074500Z;;0;', 'ATTENDEE;ROLE=ATTENDEE;STATUS=ACCEPTED:cora@customer.example', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    expect(recordCodec.decode('calendar', 'text/x-vcalendar', vcs)).toMatchObject({
      subject: 'Besprechung Müller', startAt: '2026-12-07T08:00:00.000Z', reminderMinutes: 15,
      recurrence: { rrule: 'FREQ=WEEKLY;COUNT=10;BYDAY=MO', deletedOccurrences: [] },
      participants: [{ address: 'cora@customer.example', response: 'accepted', role: 'required' }],
    });
  });

  it('round-trips an absence through iCalendar', () => {
    const absence: Absence = { ...meta, responsibleUserId: meta.id, shared: true, type: 'training', startAt: '2026-12-01T08:00:00.000Z', endAt: '2026-12-01T16:00:00.000Z', allDay: false, timeZone: 'Europe/Berlin', note: 'Course' };
    const text = recordCodec.encode('absences', absence, 'text/calendar');
    expect(text).toContain('X-MICROSOFT-CDO-BUSYSTATUS:OOF');
    expect(recordCodec.decode('absences', 'text/calendar', text)).toEqual({ type: 'training', startAt: absence.startAt, endAt: absence.endAt, allDay: false, timeZone: 'Europe/Berlin', note: 'Course' });
  });

  it('lists the native type first and refuses types a datastore does not speak', () => {
    expect(recordCodec.contentTypes('contacts').map((t) => t.ctType)).toEqual(['application/vnd.crm-exchange.contact+xml', 'text/x-vcard', 'text/vcard']);
    expect(() => recordCodec.encode('emails', series, 'text/calendar')).toThrow(expect.objectContaining({ code: FORMAT_ERROR_CODES.UNSUPPORTED_TYPE }));
    expect(() => recordCodec.decode('calendar', 'text/calendar', 'garbage')).toThrow(expect.objectContaining({ code: FORMAT_ERROR_CODES.UNREADABLE }));
  });
});
