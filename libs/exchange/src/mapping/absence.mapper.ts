import { Appointment as EwsAppointment, LegacyFreeBusyStatus, Sensitivity, type Item } from 'ews-javascript-api';
import { absenceKindSchema, type Absence } from '@connector/core';
import { calendarProperties, writeTimes, zoneOf } from './appointment.mapper.js';
import { compact } from './contact.mapper.js';
import { bodyText, epochOf, formatInZone, safe, textBody } from './ews-values.js';
import type { MapperContext, TypeMapper } from './type-mapper.js';

type AbsenceKind = Absence['kind'];

/** The subject users see on the out-of-office block. */
export const ABSENCE_SUBJECTS: Record<AbsenceKind, string> = {
  vacation: 'Vacation',
  sickness: 'Sick leave',
  training: 'Training',
  businessTrip: 'Business trip',
  other: 'Absent',
};

const a = (item: Item) => item as EwsAppointment;

function showAsAbsence(item: Item, v: Absence, ctx: MapperContext): void {
  item.SetExtendedProperty(ctx.props.absenceKind, v.kind);
  item.Subject = ABSENCE_SUBJECTS[v.kind];
  a(item).LegacyFreeBusyStatus = LegacyFreeBusyStatus.OOF;
  item.Sensitivity = Sensitivity.Private;
  item.IsReminderSet = false;
}

/**
 * A CRM absence as a calendar item: busy status OOF, private, subject from the kind. The kind
 * itself is kept in our named property, which is also how absences are told from appointments.
 */
export const absenceMapper: TypeMapper<'absence'> = {
  type: 'absence',
  properties: calendarProperties,
  newItem: (service) => new EwsAppointment(service),
  fromEws(item, ctx) {
    const x = a(item);
    const zone = zoneOf(x);
    const parsed = absenceKindSchema.safeParse(ctx.props.read(item, ctx.props.absenceKind));
    const kind = parsed.success ? parsed.data : 'other';
    const edited =
      safe(() => x.Subject) !== ABSENCE_SUBJECTS[kind] || safe(() => x.LegacyFreeBusyStatus) !== LegacyFreeBusyStatus.OOF || safe(() => x.Sensitivity) !== Sensitivity.Private;
    return compact({
      type: 'absence' as const,
      kind,
      start: formatInZone(epochOf(safe(() => x.Start)) ?? 0, zone),
      end: formatInZone(epochOf(safe(() => x.End)) ?? 0, zone),
      timeZone: zone,
      isAllDay: safe(() => x.IsAllDayEvent) ?? false,
      note: bodyText(safe(() => x.Body)),
      editedInOutlook: edited || undefined,
    }) as Absence;
  },
  writers: {
    kind: showAsAbsence,
    // Rendering the block from its kind again is what overwrites an Outlook edit of its look.
    editedInOutlook: showAsAbsence,
    start: (item, v) => writeTimes(item, v),
    end: (item, v) => writeTimes(item, v),
    timeZone: (item, v) => writeTimes(item, v),
    isAllDay: (item, v) => (a(item).IsAllDayEvent = v.isAllDay),
    note: (item, v) => (item.Body = v.note ? textBody(v.note) : (null as never)),
  },
};
