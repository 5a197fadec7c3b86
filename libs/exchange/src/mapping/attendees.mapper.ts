import { Attendee as EwsAttendee, MeetingResponseType, type Appointment as EwsAppointment, type AttendeeCollection } from 'ews-javascript-api';
import type { Attendee, ResponseStatus } from '@connector/core';

const RESPONSES: [MeetingResponseType, ResponseStatus][] = [
  [MeetingResponseType.Accept, 'accepted'],
  [MeetingResponseType.Decline, 'declined'],
  [MeetingResponseType.Tentative, 'tentative'],
  [MeetingResponseType.Organizer, 'organizer'],
  [MeetingResponseType.NoResponseReceived, 'none'],
  [MeetingResponseType.Unknown, 'none'],
];

export function responseFromEws(value: MeetingResponseType | undefined | null): ResponseStatus {
  return RESPONSES.find(([ews]) => ews === value)?.[1] ?? 'none';
}

export function responseToEws(value: ResponseStatus): MeetingResponseType {
  return RESPONSES.find(([, domain]) => domain === value)?.[0] ?? MeetingResponseType.Unknown;
}

const ROLES: [Attendee['role'], (a: EwsAppointment) => AttendeeCollection][] = [
  ['required', (a) => a.RequiredAttendees],
  ['optional', (a) => a.OptionalAttendees],
  ['resource', (a) => a.Resources],
];

export function attendeesFromEws(appointment: EwsAppointment): Attendee[] {
  const out: Attendee[] = [];
  for (const [role, collection] of ROLES) {
    let list: EwsAttendee[] = [];
    try {
      list = collection(appointment).GetEnumerator();
    } catch {
      list = [];
    }
    for (const a of list) {
      if (!a.Address) continue;
      const base = a.Name && a.Name !== a.Address ? { address: a.Address, name: a.Name } : { address: a.Address };
      out.push({ ...base, role, response: responseFromEws(a.ResponseType) });
    }
  }
  return out;
}

/** Replaces the three attendee lists. Response states are the attendees' to give; Exchange ignores them on write. */
export function writeAttendees(appointment: EwsAppointment, attendees: readonly Attendee[]): void {
  for (const [role, collection] of ROLES) {
    const list = collection(appointment);
    list.Clear();
    for (const a of attendees.filter((x) => x.role === role)) list.Add(new EwsAttendee(a.name ?? a.address, a.address));
  }
}
