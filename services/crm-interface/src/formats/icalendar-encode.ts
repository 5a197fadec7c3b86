import type { Absence } from '../records/absence.schema.js';
import type { Activity, ActivityException, Participant } from '../records/activity.schema.js';
import type { Task } from '../records/task.schema.js';
import { BUSY_TO_CDO, PARTSTAT, PRIORITY_TO_ICAL, icalLine, icalTime, participantUri } from './ical-values.js';
import { basicDateTime, utcParts } from './time-zones.js';

const PRODID = '-//crm-exchange connector//CRM.interface//EN';
const stamp = (iso: string) => basicDateTime(utcParts(new Date(iso)), true);

function attendees(participants: readonly Participant[]): string[] {
  return participants.flatMap((p) => {
    const uri = participantUri(p);
    if (!uri) return [];
    return [
      icalLine('ATTENDEE', uri, {
        CN: p.name ?? undefined,
        ROLE: p.role === 'optional' ? 'OPT-PARTICIPANT' : 'REQ-PARTICIPANT',
        PARTSTAT: PARTSTAT[p.response],
        'X-CRM-PERSON-ID': p.personId ?? undefined,
        'X-CRM-USER-ID': p.userId ?? undefined,
      }, true),
    ];
  });
}

function alarm(minutes: number | null | undefined): string[] {
  if (minutes === null || minutes === undefined) return [];
  return ['BEGIN:VALARM', 'ACTION:DISPLAY', 'DESCRIPTION:Reminder', icalLine('TRIGGER', `-PT${minutes}M`, {}, true), 'END:VALARM'];
}

function exceptionEvent(a: Activity, e: ActivityException): string[] {
  const allDay = e.allDay ?? a.allDay;
  return [
    'BEGIN:VEVENT',
    icalLine('UID', a.id),
    icalLine('DTSTAMP', stamp(a.updatedAt), {}, true),
    icalTime('RECURRENCE-ID', e.originalStart, allDay, a.timeZone),
    icalTime('DTSTART', e.startAt, allDay, a.timeZone),
    icalTime('DTEND', e.endAt, allDay, a.timeZone),
    icalLine('SUMMARY', e.subject ?? a.subject),
    ...(e.location ? [icalLine('LOCATION', e.location)] : []),
    ...(e.bodyText ? [icalLine('DESCRIPTION', e.bodyText)] : []),
    ...(e.busyStatus ? [icalLine('X-MICROSOFT-CDO-BUSYSTATUS', BUSY_TO_CDO[e.busyStatus])] : []),
    ...attendees(e.participants ?? []),
    ...alarm(e.reminderMinutes),
    'END:VEVENT',
  ];
}

function activityEvents(a: Activity): string[] {
  const lines = [
    'BEGIN:VEVENT',
    icalLine('UID', a.id),
    icalLine('DTSTAMP', stamp(a.updatedAt), {}, true),
    icalLine('X-CRM-KIND', a.kind),
    ...(a.startAt ? [icalTime('DTSTART', a.startAt, a.allDay, a.timeZone)] : []),
    ...(a.endAt ? [icalTime('DTEND', a.endAt, a.allDay, a.timeZone)] : []),
    icalLine('SUMMARY', a.subject),
    ...(a.location ? [icalLine('LOCATION', a.location)] : []),
    ...(a.bodyText ? [icalLine('DESCRIPTION', a.bodyText)] : []),
    icalLine('CLASS', a.private ? 'PRIVATE' : 'PUBLIC'),
    icalLine('PRIORITY', PRIORITY_TO_ICAL[a.importance], {}, true),
    ...(a.categories.length ? [icalLine('CATEGORIES', a.categories.map((c) => c.replace(/[\\;,]/g, (m) => `\\${m}`)).join(','), {}, true)] : []),
    ...(a.busyStatus ? [icalLine('TRANSP', a.busyStatus === 'free' ? 'TRANSPARENT' : 'OPAQUE'), icalLine('X-MICROSOFT-CDO-BUSYSTATUS', BUSY_TO_CDO[a.busyStatus])] : []),
    ...(a.organizer?.address ? [icalLine('ORGANIZER', `mailto:${a.organizer.address}`, { CN: a.organizer.name ?? undefined }, true)] : []),
    ...attendees(a.participants),
    ...(a.recurrence ? [icalLine('RRULE', a.recurrence.rrule, {}, true)] : []),
    ...(a.recurrence?.deletedOccurrences ?? []).map((d) => icalTime('EXDATE', d, a.allDay, a.timeZone)),
    ...alarm(a.reminderMinutes),
    'END:VEVENT',
  ];
  return [...lines, ...a.exceptions.flatMap((e) => exceptionEvent(a, e))];
}

export const TASK_STATUS_TO_ICAL: Record<Task['status'], string> = {
  open: 'NEEDS-ACTION',
  'in-progress': 'IN-PROCESS',
  completed: 'COMPLETED',
  missed: 'CANCELLED',
  waiting: 'IN-PROCESS',
};

function taskTodo(t: Task): string[] {
  const date = (name: string, value: string | null) => (value ? [icalLine(name, value.replace(/-/g, ''), { VALUE: 'DATE' }, true)] : []);
  return [
    'BEGIN:VTODO',
    icalLine('UID', t.id),
    icalLine('DTSTAMP', stamp(t.updatedAt), {}, true),
    icalLine('SUMMARY', t.subject),
    ...(t.body ? [icalLine('DESCRIPTION', t.body)] : []),
    ...date('DTSTART', t.startDate),
    ...date('DUE', t.dueDate),
    ...(t.completedAt ? [icalLine('COMPLETED', stamp(t.completedAt), {}, true)] : []),
    icalLine('STATUS', TASK_STATUS_TO_ICAL[t.status], {}, true),
    icalLine('X-CRM-STATUS', t.status),
    icalLine('PERCENT-COMPLETE', String(t.percentComplete), {}, true),
    icalLine('PRIORITY', PRIORITY_TO_ICAL[t.priority], {}, true),
    icalLine('CLASS', t.private ? 'PRIVATE' : 'PUBLIC'),
    ...(t.categories.length ? [icalLine('CATEGORIES', t.categories.map((c) => c.replace(/[\\;,]/g, (m) => `\\${m}`)).join(','), {}, true)] : []),
    ...(t.reminderAt
      ? ['BEGIN:VALARM', 'ACTION:DISPLAY', 'DESCRIPTION:Reminder', icalLine('TRIGGER', stamp(t.reminderAt), { VALUE: 'DATE-TIME' }, true), 'END:VALARM']
      : []),
    'END:VTODO',
  ];
}

export const ABSENCE_LABELS: Record<Absence['type'], string> = { vacation: 'Vacation', sickness: 'Sick leave', training: 'Training', other: 'Absent' };

function absenceEvent(a: Absence): string[] {
  return [
    'BEGIN:VEVENT',
    icalLine('UID', a.id),
    icalLine('DTSTAMP', stamp(a.updatedAt), {}, true),
    icalLine('SUMMARY', ABSENCE_LABELS[a.type]),
    icalLine('X-CRM-ABSENCE-TYPE', a.type),
    icalTime('DTSTART', a.startAt, a.allDay, a.timeZone),
    icalTime('DTEND', a.endAt, a.allDay, a.timeZone),
    ...(a.note ? [icalLine('DESCRIPTION', a.note)] : []),
    icalLine('TRANSP', 'OPAQUE'),
    icalLine('X-MICROSOFT-CDO-BUSYSTATUS', 'OOF'),
    'END:VEVENT',
  ];
}

function calendar(components: string[]): string {
  return `${['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${PRODID}`, ...components, 'END:VCALENDAR'].join('\r\n')}\r\n`;
}

export const encodeActivityIcal = (a: Activity) => calendar(activityEvents(a));
export const encodeTaskIcal = (t: Task) => calendar(taskTodo(t));
export const encodeAbsenceIcal = (a: Absence) => calendar(absenceEvent(a));
