import type { Activity, Participant } from '../records/activity.schema.js';
import type { Task } from '../records/task.schema.js';
import { legacyProperty, readLegacyLines, type ContentLine } from './content-lines.js';
import { unreadable } from './format.error.js';
import { BUSY_TO_CDO, PRIORITY_TO_ICAL, icalLine, responseFromPartstat } from './ical-values.js';
import { decodeActivityIcal, decodeTaskIcal } from './icalendar.format.js';
import { rruleFromV1, rruleToV1 } from './vcalendar-rrule.js';
import { basicDateTime, utcParts } from './time-zones.js';

/**
 * vCalendar 1.0 (older phones and SyncML clients). ical.js does not speak it: the encoder writes it
 * directly, the decoder rewrites it into iCalendar 2.0 and reuses that decoder. Times are UTC; all-day
 * items are floating midnights; X-CRM-* properties carry what 1.0 cannot say (exceptions, the exact rule).
 */
const utc = (iso: string) => basicDateTime(utcParts(new Date(iso)), true);
const floatingMidnight = (iso: string) => basicDateTime(utcParts(new Date(iso)), false);
const time = (iso: string, allDay: boolean) => (allDay ? floatingMidnight(iso) : utc(iso));

const V1_STATUS: Record<Participant['response'], string> = { none: 'NEEDS ACTION', accepted: 'ACCEPTED', declined: 'DECLINED', tentative: 'TENTATIVE' };

function v1Attendees(participants: readonly Participant[]): string[] {
  return participants
    .filter((p) => p.address)
    .map((p) =>
      legacyProperty(
        `ATTENDEE;ROLE=ATTENDEE;STATUS=${V1_STATUS[p.response]};EXPECT=${p.role === 'optional' ? 'REQUEST' : 'REQUIRE'}`,
        p.name ? `${p.name.replace(/[<>]/g, '')} <${p.address}>` : p.address!,
      ),
    );
}

function alarm(startIso: string | null, minutes: number | null | undefined): string[] {
  if (!startIso || minutes === null || minutes === undefined) return [];
  return [`AALARM:${utc(new Date(Date.parse(startIso) - minutes * 60_000).toISOString())}`];
}

function wrap(lines: string[]): string {
  return `${['BEGIN:VCALENDAR', 'VERSION:1.0', ...lines, 'END:VCALENDAR'].join('\r\n')}\r\n`;
}

export function encodeActivityVcal(a: Activity): string {
  const v1Rule = a.recurrence ? rruleToV1(a.recurrence.rrule) : null;
  const hidden = [...(a.recurrence?.deletedOccurrences ?? []), ...a.exceptions.map((e) => e.originalStart)];
  const master = [
    'BEGIN:VEVENT',
    legacyProperty('UID', a.id),
    legacyProperty('SUMMARY', a.subject),
    ...(a.bodyText ? [legacyProperty('DESCRIPTION', a.bodyText)] : []),
    ...(a.location ? [legacyProperty('LOCATION', a.location)] : []),
    ...(a.startAt ? [`DTSTART:${time(a.startAt, a.allDay)}`] : []),
    ...(a.endAt ? [`DTEND:${time(a.endAt, a.allDay)}`] : []),
    `CLASS:${a.private ? 'PRIVATE' : 'PUBLIC'}`,
    `PRIORITY:${PRIORITY_TO_ICAL[a.importance]}`,
    ...(a.busyStatus ? [`X-MICROSOFT-CDO-BUSYSTATUS:${BUSY_TO_CDO[a.busyStatus]}`] : []),
    ...(a.categories.length ? [legacyProperty('CATEGORIES', a.categories.map((c) => c.replace(/;/g, ',')).join(';'), false)] : []),
    ...(a.timeZone ? [legacyProperty('X-CRM-TIMEZONE', a.timeZone)] : []),
    legacyProperty('X-CRM-KIND', a.kind),
    ...(v1Rule ? [`RRULE:${v1Rule}`] : []),
    ...(a.recurrence ? [`X-CRM-RRULE:${a.recurrence.rrule}`] : []),
    ...(hidden.length ? [`EXDATE:${hidden.map((d) => time(d, a.allDay)).join(';')}`] : []),
    ...(a.organizer?.address
      ? [legacyProperty('ATTENDEE;ROLE=ORGANIZER', a.organizer.name ? `${a.organizer.name.replace(/[<>]/g, '')} <${a.organizer.address}>` : a.organizer.address)]
      : []),
    ...v1Attendees(a.participants),
    ...alarm(a.startAt, a.reminderMinutes),
    'END:VEVENT',
  ];
  const exceptions = a.exceptions.flatMap((e) => [
    'BEGIN:VEVENT',
    legacyProperty('UID', a.id),
    `X-CRM-RECURRENCE-ID:${time(e.originalStart, e.allDay ?? a.allDay)}`,
    legacyProperty('SUMMARY', e.subject ?? a.subject),
    ...(e.bodyText ? [legacyProperty('DESCRIPTION', e.bodyText)] : []),
    ...(e.location ? [legacyProperty('LOCATION', e.location)] : []),
    `DTSTART:${time(e.startAt, e.allDay ?? a.allDay)}`,
    `DTEND:${time(e.endAt, e.allDay ?? a.allDay)}`,
    ...v1Attendees(e.participants ?? []),
    ...alarm(e.startAt, e.reminderMinutes),
    'END:VEVENT',
  ]);
  return wrap([...master, ...exceptions]);
}

const V1_TASK_STATUS: Record<Task['status'], string> = {
  open: 'NEEDS ACTION',
  'in-progress': 'IN-PROCESS',
  completed: 'COMPLETED',
  missed: 'CANCELLED',
  waiting: 'IN-PROCESS',
};

export function encodeTaskVcal(t: Task): string {
  const date = (name: string, value: string | null) => (value ? [`${name}:${value.replace(/-/g, '')}T000000`] : []);
  return wrap([
    'BEGIN:VTODO',
    legacyProperty('UID', t.id),
    legacyProperty('SUMMARY', t.subject),
    ...(t.body ? [legacyProperty('DESCRIPTION', t.body)] : []),
    ...date('DTSTART', t.startDate),
    ...date('DUE', t.dueDate),
    ...(t.completedAt ? [`COMPLETED:${utc(t.completedAt)}`] : []),
    `STATUS:${V1_TASK_STATUS[t.status]}`,
    legacyProperty('X-CRM-STATUS', t.status),
    `X-CRM-PERCENT-COMPLETE:${t.percentComplete}`,
    `PRIORITY:${PRIORITY_TO_ICAL[t.priority]}`,
    `CLASS:${t.private ? 'PRIVATE' : 'PUBLIC'}`,
    ...(t.categories.length ? [legacyProperty('CATEGORIES', t.categories.join(';'), false)] : []),
    ...(t.reminderAt ? [`AALARM:${utc(t.reminderAt)}`] : []),
    'END:VTODO',
  ]);
}

const DATE_PROPS = new Set(['DTSTART', 'DTEND', 'DUE', 'COMPLETED', 'EXDATE', 'X-CRM-RECURRENCE-ID']);
const FLOATING_MIDNIGHT = /^\d{8}T000000$/;

/** Rewrites one 1.0 property as 2.0 lines. */
function toIcal(line: ContentLine, allDay: boolean): string[] {
  const { name, params, value } = line;
  if (name === 'VERSION') return ['VERSION:2.0'];
  if (name === 'RRULE') return [`X-V1-RRULE:${rruleFromV1(value)}`];
  if (name === 'X-CRM-RRULE') return [`RRULE:${value}`];
  if (name === 'AALARM' || name === 'DALARM')
    return ['BEGIN:VALARM', 'ACTION:DISPLAY', icalLine('TRIGGER', value.split(';')[0]!, { VALUE: 'DATE-TIME' }, true), 'END:VALARM'];
  if (name === 'ATTENDEE') {
    // 1.0 writes "Name <address>" or a bare address.
    const named = /^(.*?)\s*<([^>]+)>$/.exec(value);
    const address = named ? named[2]! : value;
    const cn = named?.[1] || undefined;
    const role = params.ROLE?.[0]?.toUpperCase();
    if (role === 'ORGANIZER' || role === 'OWNER') return [icalLine('ORGANIZER', `mailto:${address}`, { CN: cn }, true)];
    const expect = params.EXPECT?.[0]?.toUpperCase();
    const response = responseFromPartstat(params.STATUS?.[0]?.toUpperCase().replace(' ', '-'));
    return [icalLine('ATTENDEE', `mailto:${address}`, { CN: cn, ROLE: expect && expect !== 'REQUIRE' ? 'OPT-PARTICIPANT' : 'REQ-PARTICIPANT', PARTSTAT: { none: 'NEEDS-ACTION', accepted: 'ACCEPTED', declined: 'DECLINED', tentative: 'TENTATIVE' }[response] }, true)];
  }
  if (name === 'STATUS') return [`STATUS:${value.toUpperCase().replace('NEEDS ACTION', 'NEEDS-ACTION')}`];
  if (name === 'CATEGORIES') return [icalLine('CATEGORIES', value.split(/(?<!\\);/).map((c) => c.replace(/\\;/g, ';').replace(/[\\,;]/g, (m) => `\\${m}`)).join(','), {}, true)];
  if (DATE_PROPS.has(name)) {
    const target = name === 'X-CRM-RECURRENCE-ID' ? 'RECURRENCE-ID' : name;
    const values = value.split(/[;,]/).filter(Boolean);
    if (allDay && values.every((v) => FLOATING_MIDNIGHT.test(v) || /^\d{8}$/.test(v)))
      return [icalLine(target, values.map((v) => v.slice(0, 8)).join(','), { VALUE: 'DATE' }, true)];
    return [icalLine(target, values.join(','), {}, true)];
  }
  if (name === 'BEGIN' || name === 'END') return [`${name}:${value.toUpperCase()}`];
  return [icalLine(name, value.replace(/\\;/g, ';'))];
}

function rewrite(text: string): { ical: string; timeZone: string | null } {
  if (!/^VERSION:1\.0\s*$/im.test(text)) throw unreadable('not a vCalendar 1.0 object');
  const lines = readLegacyLines(text);
  const start = lines.find((l) => l.name === 'DTSTART')?.value ?? '';
  const end = lines.find((l) => l.name === 'DTEND')?.value ?? '';
  const allDay = (FLOATING_MIDNIGHT.test(start) || /^\d{8}$/.test(start)) && (end === '' || FLOATING_MIDNIGHT.test(end) || /^\d{8}$/.test(end));
  const hasExactRule = lines.some((l) => l.name === 'X-CRM-RRULE');
  const out = lines.flatMap((l) => toIcal(l, allDay)).map((l) => (l.startsWith('X-V1-RRULE:') ? (hasExactRule ? '' : l.replace('X-V1-RRULE', 'RRULE')) : l));
  return { ical: `${out.filter(Boolean).join('\r\n')}\r\n`, timeZone: lines.find((l) => l.name === 'X-CRM-TIMEZONE')?.value ?? null };
}

export function decodeActivityVcal(text: string): Record<string, unknown> {
  const { ical, timeZone } = rewrite(text);
  const patch = decodeActivityIcal(ical);
  // The original starts of exceptions were listed in EXDATE only so that 1.0 clients hide them.
  const recurrence = patch.recurrence as { rrule: string; deletedOccurrences: string[] } | null;
  const moved = new Set((patch.exceptions as { originalStart: string }[]).map((e) => e.originalStart));
  if (recurrence) recurrence.deletedOccurrences = recurrence.deletedOccurrences.filter((d) => !moved.has(d));
  if (timeZone) patch.timeZone = timeZone;
  else delete patch.timeZone;
  return patch;
}

export function decodeTaskVcal(text: string): Record<string, unknown> {
  const lines = readLegacyLines(text);
  const patch = decodeTaskIcal(rewrite(text).ical);
  const percent = lines.find((l) => l.name === 'X-CRM-PERCENT-COMPLETE')?.value;
  if (percent !== undefined && /^\d+$/.test(percent)) patch.percentComplete = Number(percent);
  return patch;
}
