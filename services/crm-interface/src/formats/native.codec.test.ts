import { describe, expect, it } from 'vitest';
import { ACTIVITY_DEFAULTS, activityFieldsSchema } from '../records/activity.schema.js';
import { PERSON_DEFAULTS, personFieldsSchema } from '../records/person.schema.js';
import { TASK_DEFAULTS, taskFieldsSchema } from '../records/task.schema.js';
import { absenceFieldsSchema } from '../records/absence.schema.js';
import { companyFieldsSchema, COMPANY_DEFAULTS } from '../records/company.schema.js';
import { decodeNativeRecord, encodeNativeRecord } from './native.codec.js';
import { FORMAT_ERROR_CODES } from './format.error.js';

const meta = { id: '6f1c2c8e-3f7e-4b8e-9a43-7b0b7c1d2e3f', version: '42', updatedAt: '2026-11-25T10:00:00.000Z' };
const U = '0b7f4f64-6d5e-4c1a-9a0e-1f2d3c4b5a69';

export const sampleActivity = {
  ...ACTIVITY_DEFAULTS,
  kind: 'meeting' as const,
  responsibleUserId: U,
  subject: 'Review <Q4> & "plans"',
  bodyText: '  Agenda:\n1. numbers\n2. \u00fcberblick\u00a0\u{1F600}',
  bodyHtml: '<p>Agenda</p>',
  startAt: '2026-12-07T08:00:00.000Z',
  endAt: '2026-12-07T09:00:00.000Z',
  timeZone: 'Europe/Berlin',
  location: 'Room 1',
  reminderMinutes: 15,
  busyStatus: 'busy' as const,
  categories: ['CRM', 'Customer'],
  organizer: { userId: U, address: 'alice@demo.example', name: 'Alice' },
  recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=10', deletedOccurrences: ['2026-12-21T08:00:00.000Z'] },
  exceptions: [
    { originalStart: '2026-12-14T08:00:00.000Z', startAt: '2026-12-14T13:00:00.000Z', endAt: '2026-12-14T14:00:00.000Z', allDay: false, subject: 'Moved', bodyText: null, location: 'Room 2', busyStatus: 'tentative' as const, reminderMinutes: null },
  ],
  participants: [
    { personId: null, userId: null, address: 'x@customer.example', name: 'X', role: 'required' as const, response: 'accepted' as const },
  ],
  missingParticipants: true,
  unresolvedAddresses: { required: ['a@b.example'], optional: [], unknown: ['c@d.example'] },
  customFields: { project: 'P-1', 'odd key': 'v&v' },
};

describe('native XML format', () => {
  it('round-trips an appointment with recurrence, exceptions, participants and flags', () => {
    const xml = encodeNativeRecord('calendar', { ...sampleActivity, ...meta, documents: [] });
    expect(xml).toContain('<activity version="1" id="6f1c2c8e-3f7e-4b8e-9a43-7b0b7c1d2e3f" recordVersion="42">');
    const decoded = decodeNativeRecord('calendar', xml);
    expect(activityFieldsSchema.parse(decoded)).toEqual(sampleActivity);
  });

  it('round-trips persons, companies, tasks and absences', () => {
    const person = {
      ...PERSON_DEFAULTS,
      firstName: 'Cora',
      lastName: 'Customer',
      birthday: '1980-02-29',
      emails: [{ address: 'cora@customer.example', kind: 'work' as const }],
      phones: [{ number: '+49 30 1234', kind: 'work' as const }, { number: '+49 170 1', kind: 'mobile' as const }],
      addresses: [{ kind: 'work' as const, street: 'Main St 1\nBack house', city: 'Berlin', postalCode: '10115', region: null, country: 'Germany' }],
    };
    const personXml = encodeNativeRecord('contacts', { ...person, ...meta, companyName: 'ACME', favourite: true });
    expect(personXml).toContain('<companyName>ACME</companyName><favourite>true</favourite>');
    expect(personFieldsSchema.parse(decodeNativeRecord('contacts', personXml))).toEqual(person);

    const company = { ...COMPANY_DEFAULTS, name: 'ACME & Sons', website: 'https://acme.example' };
    expect(companyFieldsSchema.parse(decodeNativeRecord('companies', encodeNativeRecord('companies', { ...company, ...meta })))).toEqual(company);

    const task = { ...TASK_DEFAULTS, subject: 'Offer', status: 'waiting' as const, percentComplete: 30, dueDate: '2026-12-01', reminderAt: '2026-11-30T08:00:00.000Z' };
    expect(taskFieldsSchema.parse(decodeNativeRecord('tasks', encodeNativeRecord('tasks', { ...task, ...meta })))).toEqual(task);

    const absence = { responsibleUserId: U, shared: true, type: 'vacation' as const, startAt: '2026-12-24T00:00:00.000Z', endAt: '2027-01-02T00:00:00.000Z', allDay: true, timeZone: 'Europe/Berlin', note: null };
    expect(absenceFieldsSchema.parse(decodeNativeRecord('absences', encodeNativeRecord('absences', { ...absence, ...meta })))).toEqual(absence);
  });

  it('reads indented documents like compact ones', () => {
    const xml = encodeNativeRecord('calendar', { ...sampleActivity, ...meta, documents: [] });
    const indented = xml.replace(/></g, '>\n    <');
    expect(decodeNativeRecord('calendar', indented)).toEqual(decodeNativeRecord('calendar', xml));
  });

  it('decodes only the elements present (a patch), empty elements as null', () => {
    const patch = decodeNativeRecord('tasks', '<task><status>completed</status><body/><percentComplete>100</percentComplete></task>');
    expect(patch).toEqual({ status: 'completed', body: null, percentComplete: 100 });
  });

  it('refuses DOCTYPEs, entities, malformed XML and the wrong root', () => {
    const bad = [
      '<!DOCTYPE task [<!ENTITY x "boom">]><task><subject>&x;</subject></task>',
      '<task><subject>&nbsp;</subject></task>',
      '<task><subject>open',
      '<contact/>',
      '<task version="2"/>',
      '<task><percentComplete>ten</percentComplete></task>',
    ];
    for (const xml of bad) expect(() => decodeNativeRecord('tasks', xml), xml).toThrow(expect.objectContaining({ code: FORMAT_ERROR_CODES.UNREADABLE }));
  });
});
