import type { Appointment, Email, OccurrenceOverride } from '@connector/core';
import { customFields } from './contact.mapping.js';
import { attr, bool, child, compact, el, int, items, opt, parseNative, record, textOf, wrap, type NativeNode } from './native-xml.js';
import { recurrenceFromRrule, rruleFromRecurrence } from './recurrence.mapping.js';

type Busy = Appointment['busyStatus'];
const BUSY_FROM_CRM: Record<string, Busy> = { free: 'free', tentative: 'tentative', busy: 'busy', 'out-of-office': 'oof', 'working-elsewhere': 'workingElsewhere' };
const BUSY_TO_CRM: Record<Busy, string> = { free: 'free', tentative: 'tentative', busy: 'busy', oof: 'out-of-office', workingElsewhere: 'working-elsewhere' };
const RESPONSES = new Set(['accepted', 'declined', 'tentative', 'none']);

const strings = (n: NativeNode, container: string, item: string): string[] => items(n, container, item).map(textOf);
const list = (name: string, item: string, values: readonly string[]) => wrap(name, values.map((v) => el(item, v)).join(''));

/** A CRM activity (native `<activity>`) as a domain appointment. */
export function appointmentFromNative(xml: string): Appointment {
  const n = parseNative(xml, 'activity');
  const start = opt(n, 'startAt') ?? '';
  const organizer = child(n, 'organizer');
  const rrule = opt(child(n, 'recurrence'), 'rrule');
  return compact<Appointment>({
    type: 'appointment',
    kind: opt(n, 'kind') ?? 'appointment',
    subject: opt(n, 'subject') ?? '',
    body: opt(n, 'bodyText'),
    location: opt(n, 'location'),
    start,
    end: opt(n, 'endAt') ?? start,
    timeZone: opt(n, 'timeZone') ?? 'UTC',
    isAllDay: bool(n, 'allDay'),
    reminderMinutes: int(n, 'reminderMinutes') ?? null,
    busyStatus: BUSY_FROM_CRM[opt(n, 'busyStatus') ?? 'busy'] ?? 'busy',
    sensitivity: bool(n, 'private') ? 'private' : 'normal',
    categories: strings(n, 'categories', 'category'),
    organizer: opt(organizer, 'address') ? compact({ address: opt(organizer, 'address')!, name: opt(organizer, 'name') }) : undefined,
    attendees: items(n, 'participants', 'participant').flatMap((raw) => {
      const p = typeof raw === 'object' && raw !== null ? (raw as NativeNode) : {};
      const address = opt(p, 'address');
      if (!address) return [];
      const response = attr(raw, 'response') ?? 'none';
      return [compact({ address, name: opt(p, 'name'), role: attr(raw, 'role') === 'optional' ? ('optional' as const) : ('required' as const), response: (RESPONSES.has(response) ? response : 'none') as 'none' })];
    }),
    recurrence: rrule ? recurrenceFromRrule(rrule, start.slice(0, 10)) : undefined,
    modifiedOccurrences: rrule ? exceptionsFromNative(n) : [],
    deletedOccurrences: strings(child(n, 'recurrence'), 'deletedOccurrences', 'occurrence'),
    extra: customFields(n),
  });
}

/**
 * The CRM fills an exception's missing fields from the master; a field is reported only where it
 * differs from the master (as Exchange reports them), so what was written comes back equal.
 */
function exceptionsFromNative(master: NativeNode): OccurrenceOverride[] {
  const own = (e: NativeNode, name: string) => (opt(e, name) !== opt(master, name) ? opt(e, name) : undefined);
  return items(master, 'exceptions', 'exception').map((raw) => {
    const e = typeof raw === 'object' && raw !== null ? (raw as NativeNode) : {};
    return compact<OccurrenceOverride>({
      originalStart: opt(e, 'originalStart') ?? '',
      start: opt(e, 'startAt') ?? '',
      end: opt(e, 'endAt') ?? '',
      subject: own(e, 'subject'),
      location: own(e, 'location'),
      body: own(e, 'bodyText'),
    });
  });
}

const exceptionsXml = (overrides: readonly OccurrenceOverride[]) =>
  wrap(
    'exceptions',
    overrides
      .map((o) => wrap('exception', el('originalStart', o.originalStart) + el('startAt', o.start) + el('endAt', o.end) + el('subject', o.subject) + el('location', o.location) + el('bodyText', o.body)))
      .join(''),
  );

const organizerXml = (o: { address: string; name?: string } | undefined) =>
  o ? wrap('organizer', el('userId', null) + el('address', o.address) + el('name', o.name ?? null)) : '';

// The CRM resolves addresses to persons and users itself; the connector sends addresses only.
const participantsXml = (people: readonly { address: string; name?: string; role?: string; response?: string }[]) =>
  wrap(
    'participants',
    people.map((p) => `<participant role="${p.role === 'optional' ? 'optional' : 'required'}" response="${RESPONSES.has(p.response ?? '') ? p.response : 'none'}"><personId/><userId/>${el('address', p.address)}${el('name', p.name ?? null)}</participant>`).join(''),
  );

/**
 * A domain appointment as native activity XML for a write. Only the fields the connector owns
 * are sent; the CRM keeps the rest (responsible user, links to persons and companies, …). With
 * `fields` (domain field names), only those: an update then leaves a concurrent CRM edit of
 * other fields alone.
 */
export function appointmentToNative(a: Appointment, fields?: readonly string[]): string {
  const recurrence = a.recurrence ? wrap('recurrence', el('rrule', rruleFromRecurrence(a.recurrence)) + list('deletedOccurrences', 'occurrence', a.deletedOccurrences)) : '<recurrence/>';
  const parts: [field: string, xml: string][] = [
    ['kind', el('kind', a.kind)],
    ['sensitivity', el('private', a.sensitivity === 'private' || a.sensitivity === 'confidential')],
    ['subject', el('subject', a.subject)],
    ['body', el('bodyText', a.body ?? null)],
    ['start', el('startAt', a.start)],
    ['end', el('endAt', a.end)],
    ['timeZone', el('timeZone', a.timeZone)],
    ['isAllDay', el('allDay', a.isAllDay)],
    ['location', el('location', a.location ?? null)],
    ['reminderMinutes', el('reminderMinutes', a.reminderMinutes)],
    ['busyStatus', el('busyStatus', BUSY_TO_CRM[a.busyStatus])],
    ['categories', list('categories', 'category', a.categories)],
    ['organizer', organizerXml(a.organizer)],
    ['recurrence', recurrence],
    ['modifiedOccurrences', exceptionsXml(a.recurrence ? a.modifiedOccurrences : [])],
    ['attendees', participantsXml(a.attendees)],
  ];
  // Deleted occurrences live inside the recurrence element.
  const wanted = fields && new Set(fields.map((f) => (f === 'deletedOccurrences' ? 'recurrence' : f)));
  return record('activity', parts.filter(([field]) => !wanted || wanted.has(field)).map(([, xml]) => xml).join(''));
}

/** An e-mail to file as a CRM e-mail activity (the MIME itself is stored as a document separately). */
export function emailToNative(e: Email): string {
  const people = [...e.to.map((p) => ({ ...p, role: 'required' })), ...e.cc.map((p) => ({ ...p, role: 'optional' }))];
  return record(
    'activity',
    el('kind', 'email') + el('private', e.sensitivity === 'private' || e.sensitivity === 'confidential') + el('subject', e.subject) +
      el('bodyText', e.bodyText ?? null) + el('bodyHtml', e.bodyHtml ?? null) + list('categories', 'category', e.categories) + el('importance', e.importance) +
      el('direction', e.direction) + organizerXml(e.from) + participantsXml(people) +
      el('internetMessageId', e.internetMessageId) + el('inReplyTo', e.inReplyTo ?? null) + list('references', 'reference', e.references) +
      el('sentAt', e.sentAt ?? null) + el('receivedAt', e.receivedAt ?? null),
  );
}
