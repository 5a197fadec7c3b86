import type ICAL from 'ical.js';
import { ABSENCE_TYPES } from '../records/absence.schema.js';
import { ACTIVITY_KINDS } from '../records/activity.schema.js';
import type { TASK_STATUSES } from '../records/task.schema.js';
import { unreadable } from './format.error.js';
import {
  busyStatus, categories, exceptionOf, organizer, parseCalendar, participants, priority, readTime, readTimes, reminderMinutes, text,
} from './icalendar-decode.js';

import { TASK_STATUS_TO_ICAL } from './icalendar-encode.js';

export { encodeAbsenceIcal, encodeActivityIcal, encodeTaskIcal } from './icalendar-encode.js';

function components(text: string, name: 'vevent' | 'vtodo'): ICAL.Component[] {
  const found = parseCalendar(text).getAllSubcomponents(name);
  if (found.length === 0) throw unreadable(`no ${name.toUpperCase()} in the calendar object`);
  return found;
}

/**
 * A patch of the activity fields iCalendar carries: the master VEVENT, and the VEVENTs with a
 * RECURRENCE-ID as its exceptions. CRM-only fields (links, flags, e-mail headers) are left alone.
 */
export function decodeActivityIcal(data: string): Record<string, unknown> {
  const events = components(data, 'vevent');
  const master = events.find((e) => !e.hasProperty('recurrence-id')) ?? events[0]!;
  const start = readTime(master, 'dtstart');
  const end = readTime(master, 'dtend');
  const rrule = master.getFirstPropertyValue('rrule');
  const kind = text(master, 'x-crm-kind');
  const patch: Record<string, unknown> = {
    subject: text(master, 'summary') ?? '',
    bodyText: text(master, 'description'),
    location: text(master, 'location'),
    startAt: start?.at ?? null,
    endAt: end?.at ?? start?.at ?? null,
    allDay: start?.allDay ?? false,
    timeZone: start?.zone ?? null,
    private: ['PRIVATE', 'CONFIDENTIAL'].includes((text(master, 'class') ?? '').toUpperCase()),
    importance: priority(master),
    categories: categories(master),
    busyStatus: busyStatus(master),
    reminderMinutes: reminderMinutes(master, start?.at ?? null),
    participants: participants(master),
    recurrence: rrule ? { rrule: String(rrule), deletedOccurrences: readTimes(master, 'exdate').map((t) => t.at) } : null,
    exceptions: events.filter((e) => e !== master && e.hasProperty('recurrence-id')).map(exceptionOf),
  };
  const org = organizer(master);
  if (org) patch.organizer = org;
  if (kind && (ACTIVITY_KINDS as readonly string[]).includes(kind)) patch.kind = kind;
  return patch;
}

const ICAL_TASK_STATUS: Record<string, (typeof TASK_STATUSES)[number]> = {
  'NEEDS-ACTION': 'open',
  'IN-PROCESS': 'in-progress',
  COMPLETED: 'completed',
  CANCELLED: 'missed',
};

const dateOnly = (t: { at: string } | null) => (t ? t.at.slice(0, 10) : null);

export function decodeTaskIcal(data: string): Record<string, unknown> {
  const [todo] = components(data, 'vtodo');
  // X-CRM-STATUS keeps "waiting" apart from "in progress", unless a client changed STATUS since.
  const icalStatus = (text(todo!, 'status') ?? 'NEEDS-ACTION').toUpperCase();
  const crmStatus = text(todo!, 'x-crm-status') as (typeof TASK_STATUSES)[number] | null;
  const status = crmStatus && TASK_STATUS_TO_ICAL[crmStatus] === icalStatus ? crmStatus : (ICAL_TASK_STATUS[icalStatus] ?? 'open');
  const percent = todo!.getFirstPropertyValue('percent-complete');
  const trigger = todo!.getFirstSubcomponent('valarm')?.getFirstProperty('trigger')?.getFirstValue();
  const due = readTime(todo!, 'due');
  return {
    subject: text(todo!, 'summary') ?? '',
    body: text(todo!, 'description'),
    startDate: dateOnly(readTime(todo!, 'dtstart')),
    dueDate: dateOnly(due),
    completedAt: readTime(todo!, 'completed')?.at ?? null,
    status,
    percentComplete: percent === null || percent === undefined ? (status === 'completed' ? 100 : 0) : Number(percent),
    priority: priority(todo!),
    private: ['PRIVATE', 'CONFIDENTIAL'].includes((text(todo!, 'class') ?? '').toUpperCase()),
    categories: categories(todo!),
    reminderAt: trigger && 'toJSDate' in (trigger as object) ? (trigger as ICAL.Time).toJSDate().toISOString() : null,
  };
}

export function decodeAbsenceIcal(data: string): Record<string, unknown> {
  const [event] = components(data, 'vevent');
  const start = readTime(event!, 'dtstart');
  if (!start) throw unreadable('an absence needs a DTSTART');
  const type = text(event!, 'x-crm-absence-type');
  return {
    type: type && (ABSENCE_TYPES as readonly string[]).includes(type) ? type : 'other',
    startAt: start.at,
    endAt: readTime(event!, 'dtend')?.at ?? start.at,
    allDay: start.allDay,
    timeZone: start.zone,
    note: text(event!, 'description'),
  };
}
