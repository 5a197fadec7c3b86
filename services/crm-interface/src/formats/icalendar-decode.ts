import ICAL from 'ical.js';
import type { ActivityException, Participant } from '../records/activity.schema.js';
import { unreadable } from './format.error.js';
import { CDO_TO_BUSY, priorityFromIcal, responseFromPartstat } from './ical-values.js';
import { fromLocal, isKnownZone } from './time-zones.js';

interface ReadTime {
  at: string;
  allDay: boolean;
  zone: string | null;
}

export function parseCalendar(text: string): ICAL.Component {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch (error) {
    throw unreadable(`not an iCalendar object: ${(error as Error).message}`);
  }
  if (root.name !== 'vcalendar') throw unreadable('not an iCalendar object');
  // Clients that send their own VTIMEZONE (Outlook's Windows zone names) are converted with it.
  for (const zone of root.getAllSubcomponents('vtimezone')) {
    const tzid = zone.getFirstPropertyValue('tzid');
    if (typeof tzid === 'string' && !ICAL.TimezoneService.has(tzid)) ICAL.TimezoneService.register(zone);
  }
  return root;
}

function timeOf(value: ICAL.Time, tzid: string | null): ReadTime {
  if (value.isDate) return { at: new Date(Date.UTC(value.year, value.month - 1, value.day)).toISOString(), allDay: true, zone: tzid };
  const zoneName = value.zone?.tzid;
  if (zoneName === 'UTC') return { at: value.toJSDate().toISOString(), allDay: false, zone: null };
  if (tzid && ICAL.TimezoneService.has(tzid) && zoneName === tzid) return { at: value.toJSDate().toISOString(), allDay: false, zone: tzid };
  if (isKnownZone(tzid)) {
    const local = { year: value.year, month: value.month, day: value.day, hour: value.hour, minute: value.minute, second: value.second };
    return { at: fromLocal(local, tzid).toISOString(), allDay: false, zone: tzid };
  }
  // Floating time (no zone): read as UTC, the only reading that does not depend on this server's zone.
  const at = new Date(Date.UTC(value.year, value.month - 1, value.day, value.hour, value.minute, value.second));
  return { at: at.toISOString(), allDay: false, zone: null };
}

export function readTimes(component: ICAL.Component, name: string): ReadTime[] {
  return component.getAllProperties(name).flatMap((prop) => {
    const tzid = prop.getParameter('tzid');
    return prop.getValues().map((v) => timeOf(v as ICAL.Time, typeof tzid === 'string' ? tzid : null));
  });
}

export const readTime = (component: ICAL.Component, name: string): ReadTime | null => readTimes(component, name)[0] ?? null;

export function text(component: ICAL.Component, name: string): string | null {
  const value = component.getFirstPropertyValue(name);
  return value === null || value === undefined || value === '' ? null : String(value);
}

export function categories(component: ICAL.Component): string[] {
  return component.getAllProperties('categories').flatMap((p) => p.getValues().map(String));
}

export function priority(component: ICAL.Component) {
  const value = component.getFirstPropertyValue('priority');
  return priorityFromIcal(typeof value === 'number' ? value : Number(value ?? 0));
}

export function busyStatus(component: ICAL.Component) {
  const cdo = text(component, 'x-microsoft-cdo-busystatus');
  if (cdo && CDO_TO_BUSY[cdo.toUpperCase()]) return CDO_TO_BUSY[cdo.toUpperCase()]!;
  const transp = text(component, 'transp');
  return transp ? (transp.toUpperCase() === 'TRANSPARENT' ? 'free' : 'busy') : null;
}

/** Minutes before the start of the first VALARM (relative or absolute trigger). */
export function reminderMinutes(component: ICAL.Component, start: string | null): number | null {
  const alarm = component.getFirstSubcomponent('valarm');
  const trigger = alarm?.getFirstProperty('trigger');
  if (!trigger) return null;
  const value = trigger.getFirstValue();
  if (value instanceof ICAL.Duration) return Math.max(0, Math.round(-value.toSeconds() / 60));
  if (value instanceof ICAL.Time && start) return Math.max(0, Math.round((Date.parse(start) - value.toJSDate().getTime()) / 60_000));
  return null;
}

function address(uri: string): string | null {
  return /^mailto:/i.test(uri) ? uri.slice(7) : /^urn:uuid:/i.test(uri) ? null : uri.includes('@') ? uri : null;
}

export function participants(component: ICAL.Component): Participant[] {
  return component.getAllProperties('attendee').map((p) => {
    const param = (name: string) => {
      const v = p.getParameter(name);
      return typeof v === 'string' && v !== '' ? v : null;
    };
    return {
      personId: param('x-crm-person-id'),
      userId: param('x-crm-user-id'),
      address: address(String(p.getFirstValue() ?? '')),
      name: param('cn'),
      role: param('role')?.toUpperCase() === 'OPT-PARTICIPANT' ? 'optional' : 'required',
      response: responseFromPartstat(param('partstat') ?? undefined),
    };
  });
}

export function organizer(component: ICAL.Component) {
  const prop = component.getFirstProperty('organizer');
  if (!prop) return null;
  const cn = prop.getParameter('cn');
  return { userId: null, address: address(String(prop.getFirstValue() ?? '')), name: typeof cn === 'string' ? cn : null };
}

export function exceptionOf(event: ICAL.Component): ActivityException {
  const original = readTime(event, 'recurrence-id')!;
  const start = readTime(event, 'dtstart');
  const end = readTime(event, 'dtend');
  if (!start) throw unreadable('an exception needs a DTSTART');
  const exception: ActivityException = {
    originalStart: original.at,
    startAt: start.at,
    endAt: end?.at ?? start.at,
    allDay: start.allDay,
    subject: text(event, 'summary') ?? '',
    bodyText: text(event, 'description'),
    location: text(event, 'location'),
    busyStatus: busyStatus(event),
    reminderMinutes: reminderMinutes(event, start.at),
  };
  const attendees = participants(event);
  return attendees.length ? { ...exception, participants: attendees } : exception;
}
