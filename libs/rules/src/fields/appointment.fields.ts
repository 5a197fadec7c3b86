import type { Attendee, DomainItemOf, OccurrenceOverride, Recurrence } from '@connector/core';
import { body, canonicalSet, compact, instant, stringSet, text, type Canonical } from '../normalize.js';
import { field, scalar, type TypeFields } from './field-spec.js';

type Appointment = DomainItemOf<'appointment'>;

/** Attendees are a set keyed by address; display names differ between directories and do not count. */
export function canonAttendees(attendees: readonly Attendee[] | undefined): Canonical {
  const byAddress = new Map<string, Canonical>();
  for (const a of attendees ?? []) {
    const key = a.address.trim().toLowerCase();
    byAddress.set(key, { address: key, role: a.role ?? 'required', response: a.response ?? 'none' });
  }
  return canonicalSet([...byAddress.values()]);
}

export function canonRecurrence(recurrence: Recurrence | undefined): Canonical {
  if (!recurrence) return null;
  const pattern: Record<string, Canonical> = { ...(recurrence.pattern as unknown as Record<string, Canonical>) };
  if ('daysOfWeek' in recurrence.pattern) pattern.daysOfWeek = stringSet(recurrence.pattern.daysOfWeek);
  if (recurrence.pattern.kind === 'weekly') pattern.firstDayOfWeek = recurrence.pattern.firstDayOfWeek ?? 'monday';
  return { pattern: compact(pattern), range: compact({ ...(recurrence.range as unknown as Record<string, Canonical>) }) };
}

function canonOccurrences(overrides: readonly OccurrenceOverride[] | undefined): Canonical {
  const list = (overrides ?? []).map((o) =>
    compact({
      originalStart: instant(o.originalStart),
      start: instant(o.start),
      end: instant(o.end),
      subject: text(o.subject),
      location: text(o.location),
      body: body(o.body),
    }),
  );
  return canonicalSet(list);
}

export const appointmentFields: TypeFields<Appointment> = {
  hasExtra: true,
  fields: [
    field<Appointment, 'subject'>('subject', text),
    field<Appointment, 'body'>('body', body),
    field<Appointment, 'location'>('location', text),
    field<Appointment, 'start'>('start', instant),
    field<Appointment, 'end'>('end', instant),
    field<Appointment, 'timeZone'>('timeZone', text),
    field<Appointment, 'isAllDay'>('isAllDay', (v) => v ?? false),
    field<Appointment, 'reminderMinutes'>('reminderMinutes', scalar),
    field<Appointment, 'busyStatus'>('busyStatus', (v) => v ?? 'busy'),
    field<Appointment, 'sensitivity'>('sensitivity', (v) => v ?? 'normal'),
    field<Appointment, 'categories'>('categories', (v) => stringSet(v)),
    field<Appointment, 'attendees'>('attendees', canonAttendees),
    field<Appointment, 'recurrence'>('recurrence', canonRecurrence),
    field<Appointment, 'modifiedOccurrences'>('modifiedOccurrences', canonOccurrences),
    field<Appointment, 'deletedOccurrences'>('deletedOccurrences', (v) => stringSet(v, instant)),
  ],
};
