import type { Item } from '../store/model.js';
import { el, textEl } from '../xml/xml-write.js';
import { recurrenceCodec } from '../calendar/recurrence.js';
import { seriesOccurrences, type SeriesOccurrence } from '../calendar/series.js';
import { occurrenceId } from '../calendar/occurrence-ids.js';
import * as c from './codecs.js';
import { computed, defaulted, field, special, type PropDef } from './property-def.js';

export const MESSAGE_PROPS: PropDef[] = [
  field('Sender', 'message:Sender', c.singleRecipient, true),
  field('ToRecipients', 'message:ToRecipients', c.recipients, true),
  field('CcRecipients', 'message:CcRecipients', c.recipients, true),
  field('BccRecipients', 'message:BccRecipients', c.recipients),
  defaulted('IsReadReceiptRequested', 'message:IsReadReceiptRequested', c.bool, () => false),
  defaulted('IsDeliveryReceiptRequested', 'message:IsDeliveryReceiptRequested', c.bool, () => false),
  computed('ConversationTopic', 'message:ConversationTopic', c.text, (i) => i.fields.Subject ?? ''),
  field('From', 'message:From', c.singleRecipient, true),
  field('InternetMessageId', 'message:InternetMessageId', c.text, true),
  defaulted('IsRead', 'message:IsRead', c.bool, () => false, true),
  defaulted('IsResponseRequested', 'message:IsResponseRequested', c.bool, () => false),
  field('References', 'message:References', c.text),
  field('ReplyTo', 'message:ReplyTo', c.recipients),
];

const occurrenceInfo = (name: string, o: Pick<SeriesOccurrence, 'index' | 'start' | 'end' | 'originalStart'>, master: Item) =>
  `<t:${name}>${el('t:ItemId', { Id: occurrenceId(master.id, o.index), ChangeKey: master.changeKey })}` +
  `${textEl('t:Start', o.start)}${textEl('t:End', o.end)}${textEl('t:OriginalStart', o.originalStart)}</t:${name}>`;

function calendarType(i: Item): string {
  return (i.fields.CalendarItemType as string | undefined) ?? (i.fields.Recurrence ? 'RecurringMaster' : 'Single');
}

function isOrganizer(i: Item, email: string): boolean {
  const organizer = i.fields.Organizer as c.Recipient | undefined;
  return !organizer || organizer.email.toLowerCase() === email.toLowerCase();
}

function duration(i: Item): string | undefined {
  if (!i.fields.Start || !i.fields.End) return undefined;
  const minutes = Math.round((Date.parse(String(i.fields.End)) - Date.parse(String(i.fields.Start))) / 60_000);
  return `PT${Math.floor(minutes / 60)}H${minutes % 60}M`;
}

export const CALENDAR_PROPS: PropDef[] = [
  defaulted('UID', 'calendar:UID', c.text, (i) => Buffer.from(i.id, 'base64').toString('hex').toUpperCase(), true),
  computed('DateTimeStamp', 'calendar:DateTimeStamp', c.dateTime, (i) => i.modified),
  field('Start', 'calendar:Start', c.dateTime, true),
  field('End', 'calendar:End', c.dateTime, true),
  computed('OriginalStart', 'calendar:OriginalStart', c.dateTime, (i) => i.fields.OriginalStart ?? (i.fields.Recurrence ? undefined : i.fields.Start)),
  defaulted('IsAllDayEvent', 'calendar:IsAllDayEvent', c.bool, () => false, true),
  defaulted('LegacyFreeBusyStatus', 'calendar:LegacyFreeBusyStatus', c.text, () => 'Busy', true),
  field('Location', 'calendar:Location', c.text, true),
  computed('IsMeeting', 'calendar:IsMeeting', c.bool, (i) => ((i.fields.RequiredAttendees as unknown[] | undefined)?.length ?? 0) + ((i.fields.OptionalAttendees as unknown[] | undefined)?.length ?? 0) > 0, true),
  defaulted('IsCancelled', 'calendar:IsCancelled', c.bool, () => false),
  computed('IsRecurring', 'calendar:IsRecurring', c.bool, (i) => calendarType(i) !== 'Single', true),
  defaulted('MeetingRequestWasSent', 'calendar:MeetingRequestWasSent', c.bool, () => false),
  defaulted('IsResponseRequested', 'calendar:IsResponseRequested', c.bool, () => true),
  computed('CalendarItemType', 'calendar:CalendarItemType', c.text, calendarType, true),
  computed('MyResponseType', 'calendar:MyResponseType', c.text, (i, ctx) =>
    i.fields.MyResponseType ?? (isOrganizer(i, ctx.ownerOf(i).email) ? 'Organizer' : 'NoResponseReceived'), true),
  {
    name: 'Organizer', uri: 'calendar:Organizer', codec: c.singleRecipient, settable: true, inDefault: true,
    render: (i, ctx) => c.singleRecipient.render('Organizer', i.fields.Organizer ?? ctx.ownerOf(i)),
  },
  field('RequiredAttendees', 'calendar:RequiredAttendees', c.attendees, true),
  field('OptionalAttendees', 'calendar:OptionalAttendees', c.attendees, true),
  field('Resources', 'calendar:Resources', c.attendees),
  computed('Duration', 'calendar:Duration', c.text, duration),
  computed('TimeZone', 'calendar:TimeZone', c.text, (i) => (i.fields.StartTimeZone as { id: string } | undefined)?.id ?? 'UTC'),
  defaulted('AppointmentSequenceNumber', 'calendar:AppointmentSequenceNumber', c.int, () => 0),
  computed('AppointmentState', 'calendar:AppointmentState', c.int, (i) => (i.fields.RequiredAttendees || i.fields.OptionalAttendees ? 1 : 0)),
  field('Recurrence', 'calendar:Recurrence', recurrenceCodec),
  special('FirstOccurrence', 'calendar:FirstOccurrence', (item) => {
    if (!item.fields.Recurrence) return '';
    const first = seriesOccurrences(item, Date.parse(String(item.fields.Start)) + 1000 * 86_400_000)[0];
    return first ? occurrenceInfo('FirstOccurrence', first, item) : '';
  }),
  special('ModifiedOccurrences', 'calendar:ModifiedOccurrences', (item) => {
    if (!item.exceptions?.length) return '';
    const occurrences = seriesOccurrences(item, Math.max(...item.exceptions.map((e) => Date.parse(e.originalStart))));
    const list = item.exceptions.map((e) => {
      const index = occurrences.find((o) => o.originalStart === e.originalStart)?.index ?? 0;
      return occurrenceInfo('Occurrence', { index, start: e.start, end: e.end, originalStart: e.originalStart }, item);
    });
    return el('t:ModifiedOccurrences', undefined, list.join(''));
  }),
  special('DeletedOccurrences', 'calendar:DeletedOccurrences', (item) =>
    item.deletedOccurrences?.length
      ? el('t:DeletedOccurrences', undefined, item.deletedOccurrences.map((d) => `<t:DeletedOccurrence>${textEl('t:Start', d)}</t:DeletedOccurrence>`).join(''))
      : ''),
  field('StartTimeZone', 'calendar:StartTimeZone', c.timeZone, true),
  field('EndTimeZone', 'calendar:EndTimeZone', c.timeZone, true),
  defaulted('AllowNewTimeProposal', 'calendar:AllowNewTimeProposal', c.bool, () => true),
  defaulted('IsOnlineMeeting', 'calendar:IsOnlineMeeting', c.bool, () => false),
];

function fileAs(i: Item): string {
  const f = i.fields;
  const name = [f.Surname, f.GivenName].filter(Boolean).join(', ');
  return String(f.FileAs ?? (name || f.CompanyName || ''));
}

export const CONTACT_PROPS: PropDef[] = [
  computed('FileAs', 'contacts:FileAs', c.text, fileAs, true),
  defaulted('DisplayName', 'contacts:DisplayName', c.text, (i) => [i.fields.GivenName, i.fields.Surname].filter(Boolean).join(' ') || fileAs(i), true),
  field('GivenName', 'contacts:GivenName', c.text, true),
  field('Initials', 'contacts:Initials', c.text),
  field('MiddleName', 'contacts:MiddleName', c.text),
  field('Nickname', 'contacts:Nickname', c.text),
  field('CompanyName', 'contacts:CompanyName', c.text, true),
  field('EmailAddresses', 'contacts:EmailAddresses', c.stringDictionary, true),
  field('PhysicalAddresses', 'contacts:PhysicalAddresses', c.addressDictionary, true),
  field('PhoneNumbers', 'contacts:PhoneNumbers', c.stringDictionary, true),
  field('AssistantName', 'contacts:AssistantName', c.text),
  field('Birthday', 'contacts:Birthday', c.dateTime),
  field('BusinessHomePage', 'contacts:BusinessHomePage', c.text),
  field('Department', 'contacts:Department', c.text, true),
  field('JobTitle', 'contacts:JobTitle', c.text, true),
  field('Manager', 'contacts:Manager', c.text),
  field('OfficeLocation', 'contacts:OfficeLocation', c.text),
  field('Profession', 'contacts:Profession', c.text),
  field('SpouseName', 'contacts:SpouseName', c.text),
  field('Surname', 'contacts:Surname', c.text, true),
  field('Notes', 'contacts:Notes', c.text),
];

export const TASK_PROPS: PropDef[] = [
  field('ActualWork', 'task:ActualWork', c.int),
  field('CompleteDate', 'task:CompleteDate', c.dateTime, true),
  // NoMatch, OwnNew, Owned or Accepted; absent on tasks the user made themselves.
  field('DelegationState', 'task:DelegationState', c.text),
  field('DueDate', 'task:DueDate', c.dateTime, true),
  computed('IsComplete', 'task:IsComplete', c.bool, (i) => i.fields.Status === 'Completed', true),
  computed('IsRecurring', 'task:IsRecurring', c.bool, () => false),
  computed('Owner', 'task:Owner', c.text, (i, ctx) => ctx.ownerOf(i).name),
  defaulted('PercentComplete', 'task:PercentComplete', c.double, (i) => (i.fields.Status === 'Completed' ? 100 : 0), true),
  field('StartDate', 'task:StartDate', c.dateTime, true),
  defaulted('Status', 'task:Status', c.text, () => 'NotStarted', true),
  field('StatusDescription', 'task:StatusDescription', c.text),
  field('TotalWork', 'task:TotalWork', c.int),
];
