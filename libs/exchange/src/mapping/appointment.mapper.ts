import {
  Appointment as EwsAppointment,
  AppointmentSchema,
  ItemSchema,
  LegacyFreeBusyStatus,
  StringList,
  TimeZoneInfo,
  type Item,
  type OccurrenceInfo,
} from 'ews-javascript-api';
import type { Appointment } from '@connector/core';
import { ExchangeError } from '../errors/exchange.error.js';
import { attendeesFromEws, writeAttendees } from './attendees.mapper.js';
import { removeExtendedProperty } from './stand-in-removals.js';
import { compact } from './contact.mapper.js';
import { bodyText, epochOf, formatInZone, safe, sensitivityFromEws, sensitivityToEws, textBody, toAddress, toEwsDateTime } from './ews-values.js';
import { recurrenceFromEws, recurrenceToEws } from './recurrence.mapper.js';
import { ianaToWindows, windowsToIana } from './time-zones.js';
import type { MapperContext, TypeMapper } from './type-mapper.js';

type BusyStatus = Appointment['busyStatus'];
const BUSY: Record<BusyStatus, LegacyFreeBusyStatus> = {
  free: LegacyFreeBusyStatus.Free,
  tentative: LegacyFreeBusyStatus.Tentative,
  busy: LegacyFreeBusyStatus.Busy,
  oof: LegacyFreeBusyStatus.OOF,
  workingElsewhere: LegacyFreeBusyStatus.WorkingElsewhere,
};

function busyFromEws(value: LegacyFreeBusyStatus | undefined): BusyStatus {
  return (Object.entries(BUSY) as [BusyStatus, LegacyFreeBusyStatus][]).find(([, v]) => v === value)?.[0] ?? 'busy';
}

const a = (item: Item) => item as EwsAppointment;

/** The library's zone object; it lacks a few Windows ids (Saratov, Volgograd), refused as bad input. */
export function ewsTimeZone(zone: string): TimeZoneInfo {
  const windows = ianaToWindows(zone);
  try {
    return TimeZoneInfo.FindSystemTimeZoneById(windows);
  } catch (cause) {
    throw new ExchangeError('EXCHANGE_BAD_INPUT', `ews-javascript-api cannot write the time zone "${windows}" (${zone})`, {}, { cause });
  }
}

/**
 * The IANA zone of an appointment as Exchange stored it (StartTimeZone), UTC when absent. Ids
 * outside our CLDR table fall back to the library's own mapping before failing the item.
 */
export function zoneOf(item: EwsAppointment): string {
  const id = safe(() => item.StartTimeZone?.Id);
  if (!id) return 'UTC';
  try {
    return windowsToIana(id);
  } catch (err) {
    const iana = safe(() => TimeZoneInfo.FindSystemTimeZoneById(id).IanaId);
    if (iana) return iana;
    throw err;
  }
}

/** Properties calendar-based types share (appointments and absence blocks). */
export function calendarProperties(ctx: MapperContext) {
  return [
    ItemSchema.Subject, ItemSchema.Body, ItemSchema.Sensitivity, ItemSchema.Categories, ItemSchema.IsReminderSet, ItemSchema.ReminderMinutesBeforeStart,
    AppointmentSchema.Start, AppointmentSchema.End, AppointmentSchema.StartTimeZone, AppointmentSchema.IsAllDayEvent, AppointmentSchema.Location,
    AppointmentSchema.LegacyFreeBusyStatus, AppointmentSchema.AppointmentType,
    ctx.props.absenceKind, ctx.props.activityKind, ...ctx.props.markerDefinitions,
  ];
}

export function writeTimes(item: Item, value: { start: string; end: string; timeZone: string }): void {
  const zone = ewsTimeZone(value.timeZone);
  a(item).StartTimeZone = zone;
  a(item).EndTimeZone = zone;
  a(item).Start = toEwsDateTime(value.start);
  a(item).End = toEwsDateTime(value.end);
}

export function occurrenceInfos<T extends { OriginalStart: OccurrenceInfo["OriginalStart"] }>(list: () => { GetEnumerator(): T[] } | null | undefined): T[] {
  return safe(() => list()?.GetEnumerator()) ?? [];
}

export const appointmentMapper: TypeMapper<'appointment'> = {
  type: 'appointment',
  properties: (ctx) => [
    ...calendarProperties(ctx),
    AppointmentSchema.Organizer, AppointmentSchema.RequiredAttendees, AppointmentSchema.OptionalAttendees, AppointmentSchema.Resources,
    AppointmentSchema.Recurrence, AppointmentSchema.ModifiedOccurrences, AppointmentSchema.DeletedOccurrences, ...ctx.props.extraDefinitions,
  ],
  newItem: (service) => new EwsAppointment(service),
  fromEws(item, ctx) {
    const x = a(item);
    const zone = zoneOf(x);
    const at = (ms: number | undefined) => (ms === undefined ? undefined : formatInZone(ms, zone));
    const recurrence = safe(() => x.Recurrence);
    return compact({
      type: 'appointment' as const,
      kind: ctx.props.read(item, ctx.props.activityKind) ?? 'appointment',
      subject: safe(() => x.Subject) ?? '',
      body: bodyText(safe(() => x.Body)),
      location: safe(() => x.Location) || undefined,
      start: at(epochOf(safe(() => x.Start)))!,
      end: at(epochOf(safe(() => x.End)))!,
      timeZone: zone,
      isAllDay: safe(() => x.IsAllDayEvent) ?? false,
      reminderMinutes: safe(() => x.IsReminderSet) ? (safe(() => x.ReminderMinutesBeforeStart) ?? 15) : null,
      busyStatus: busyFromEws(safe(() => x.LegacyFreeBusyStatus)),
      sensitivity: sensitivityFromEws(safe(() => x.Sensitivity)),
      categories: safe(() => x.Categories?.GetEnumerator()) ?? [],
      organizer: toAddress(safe(() => x.Organizer)),
      attendees: attendeesFromEws(x),
      recurrence: recurrence ? recurrenceFromEws(recurrence) : undefined,
      modifiedOccurrences: occurrenceInfos(() => x.ModifiedOccurrences).map((o) => ({
        originalStart: at(epochOf(o.OriginalStart))!,
        start: at(epochOf(o.Start))!,
        end: at(epochOf(o.End))!,
      })),
      deletedOccurrences: occurrenceInfos(() => x.DeletedOccurrences).map((o) => at(epochOf(o.OriginalStart))!),
      extra: ctx.props.readExtras(item),
    }) as Appointment;
  },
  writers: {
    kind: (item, v, ctx) => item.SetExtendedProperty(ctx.props.activityKind, v.kind),
    subject: (item, v) => (item.Subject = v.subject),
    body: (item, v) => (item.Body = v.body ? textBody(v.body) : (null as never)),
    location: (item, v) => (a(item).Location = v.location || (null as never)),
    start: (item, v) => writeTimes(item, v),
    end: (item, v) => writeTimes(item, v),
    timeZone: (item, v) => writeTimes(item, v),
    isAllDay: (item, v) => (a(item).IsAllDayEvent = v.isAllDay),
    reminderMinutes: (item, v) => {
      item.IsReminderSet = v.reminderMinutes !== null;
      if (v.reminderMinutes !== null) item.ReminderMinutesBeforeStart = v.reminderMinutes;
    },
    busyStatus: (item, v) => (a(item).LegacyFreeBusyStatus = BUSY[v.busyStatus]),
    sensitivity: (item, v) => (item.Sensitivity = sensitivityToEws(v.sensitivity)),
    categories: (item, v) => (item.Categories = new StringList(v.categories)),
    attendees: (item, v) => writeAttendees(a(item), v.attendees),
    recurrence: (item, v) => (a(item).Recurrence = v.recurrence ? recurrenceToEws(v.recurrence) : (null as never)),
    extra: (item, v, ctx) => {
      for (const [name, def] of ctx.props.extras) {
        if (v.extra[name]) item.SetExtendedProperty(def, v.extra[name]);
        else removeExtendedProperty(item, def);
      }
    },
  },
};
