import type { Participant } from '../records/activity.schema.js';
import type { BUSY_STATUSES } from '../records/activity.schema.js';
import type { PRIORITIES } from '../records/task.schema.js';
import { escapeText, fold } from './content-lines.js';
import { basicDate, basicDateTime, isKnownZone, toLocal, utcParts } from './time-zones.js';

/** Mappings shared by the iCalendar 2.0 and vCalendar 1.0 encoders and decoders. */
export type BusyStatus = (typeof BUSY_STATUSES)[number];
export type Priority = (typeof PRIORITIES)[number];

export const BUSY_TO_CDO: Record<BusyStatus, string> = {
  free: 'FREE',
  tentative: 'TENTATIVE',
  busy: 'BUSY',
  'out-of-office': 'OOF',
  'working-elsewhere': 'WORKINGELSEWHERE',
};
export const CDO_TO_BUSY = Object.fromEntries(Object.entries(BUSY_TO_CDO).map(([k, v]) => [v, k])) as Record<string, BusyStatus>;

export const PRIORITY_TO_ICAL: Record<Priority, string> = { high: '1', normal: '5', low: '9' };
export function priorityFromIcal(value: number | null | undefined): Priority {
  if (!value) return 'normal';
  return value < 5 ? 'high' : value > 5 ? 'low' : 'normal';
}

export const PARTSTAT: Record<Participant['response'], string> = {
  none: 'NEEDS-ACTION',
  accepted: 'ACCEPTED',
  declined: 'DECLINED',
  tentative: 'TENTATIVE',
};
export function responseFromPartstat(value: string | undefined): Participant['response'] {
  const found = Object.entries(PARTSTAT).find(([, v]) => v === value?.toUpperCase());
  return (found?.[0] as Participant['response']) ?? 'none';
}

/** One content line of iCalendar 2.0: escaped (unless `raw`) and folded. */
export function icalLine(name: string, value: string, params: Record<string, string | undefined> = {}, raw = false): string {
  const head = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `;${k}=${/[;:,]/.test(v!) ? `"${v}"` : v}`)
    .join('');
  return fold(`${name}${head}:${raw ? value : escapeText(value)}`);
}

/** DTSTART-like property: a DATE for all-day, local time with TZID for a known zone, else UTC. */
export function icalTime(name: string, iso: string, allDay: boolean, zone: string | null): string {
  const instant = new Date(iso);
  if (allDay) return icalLine(name, basicDate(utcParts(instant)), { VALUE: 'DATE' }, true);
  if (isKnownZone(zone) && zone !== 'UTC') return icalLine(name, basicDateTime(toLocal(instant, zone), false), { TZID: zone }, true);
  return icalLine(name, basicDateTime(utcParts(instant), true), {}, true);
}

export function participantUri(p: Participant): string | null {
  if (p.address) return `mailto:${p.address}`;
  if (p.personId) return `urn:uuid:${p.personId}`;
  if (p.userId) return `urn:uuid:${p.userId}`;
  return null;
}
