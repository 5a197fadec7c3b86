import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { all, codes, first, NS, SimHarness } from '../test-support/sim-harness.test-support.js';
import { createItem, deleteItem, getItem, setField, syncItems } from '../test-support/ews-requests.test-support.js';

let sim: SimHarness;

beforeAll(async () => {
  sim = await SimHarness.start();
  await sim.mailbox('alice@test.example', { displayName: 'Alice' });
  await sim.mailbox('bob@test.example', { displayName: 'Bob' });
});

afterAll(async () => {
  expect(await sim.schema.validate()).toEqual([]);
  await sim.close();
});

const calendarView = (start: string, end: string) =>
  `<m:FindItem ${NS} Traversal="Shallow"><m:ItemShape><t:BaseShape>Default</t:BaseShape></m:ItemShape>` +
  `<m:CalendarView StartDate="${start}" EndDate="${end}"/><m:ParentFolderIds><t:DistinguishedFolderId Id="calendar"/></m:ParentFolderIds></m:FindItem>`;

const series =
  '<t:CalendarItem><t:Subject>Weekly jour fixe</t:Subject><t:Start>2026-03-12T09:00:00Z</t:Start><t:End>2026-03-12T10:00:00Z</t:End>' +
  '<t:Location>Berlin</t:Location><t:Recurrence><t:WeeklyRecurrence><t:Interval>1</t:Interval><t:DaysOfWeek>Thursday</t:DaysOfWeek></t:WeeklyRecurrence>' +
  '<t:NumberedRecurrence><t:StartDate>2026-03-12</t:StartDate><t:NumberOfOccurrences>6</t:NumberOfOccurrences></t:NumberedRecurrence></t:Recurrence>' +
  '<t:StartTimeZone Id="W. Europe Standard Time"/></t:CalendarItem>';

describe('recurring series in Europe/Berlin across the DST change', () => {
  it('expands, moves one occurrence, deletes one, and reports the master as updated', async () => {
    const created = await sim.ews(createItem(series));
    expect(codes(created)).toEqual(['NoError']);
    const masterId = first(created.doc, 'ItemId')!.attrs.Id!;
    const state = first((await sim.ews(syncItems('calendar'))).doc, 'SyncState')!.text;

    const view = await sim.ews(calendarView('2026-03-01T00:00:00Z', '2026-05-01T00:00:00Z'));
    const occurrences = all(view.doc, 'CalendarItem');
    expect(occurrences.map((o) => first(o, 'Start')!.text)).toEqual([
      '2026-03-12T09:00:00Z', '2026-03-19T09:00:00Z', '2026-03-26T09:00:00Z', '2026-04-02T08:00:00Z', '2026-04-09T08:00:00Z', '2026-04-16T08:00:00Z',
    ]);
    expect(occurrences.every((o) => first(o, 'CalendarItemType')!.text === 'Occurrence')).toBe(true);

    // Move the 4th occurrence (first one after the DST change) by OccurrenceItemId.
    const move = `<m:UpdateItem ${NS} ConflictResolution="AlwaysOverwrite" SendMeetingInvitationsOrCancellations="SendToNone"><m:ItemChanges><t:ItemChange>` +
      `<t:OccurrenceItemId RecurringMasterId="${masterId}" InstanceIndex="4"/><t:Updates>` +
      setField('calendar:Start', 'CalendarItem', '<t:Start>2026-04-03T12:00:00Z</t:Start>') +
      setField('calendar:End', 'CalendarItem', '<t:End>2026-04-03T13:00:00Z</t:End>') +
      setField('item:Subject', 'CalendarItem', '<t:Subject>Moved jour fixe</t:Subject>') + '</t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>';
    expect(codes(await sim.ews(move))).toEqual(['NoError']);
    // Delete the 2nd occurrence by its occurrence id from the view.
    const secondId = first(occurrences[1], 'ItemId')!.attrs.Id!;
    expect(codes(await sim.ews(deleteItem([secondId])))).toEqual(['NoError']);

    const after = all((await sim.ews(calendarView('2026-03-01T00:00:00Z', '2026-05-01T00:00:00Z'))).doc, 'CalendarItem');
    expect(after.map((o) => [first(o, 'Start')!.text, first(o, 'CalendarItemType')!.text])).toEqual([
      ['2026-03-12T09:00:00Z', 'Occurrence'], ['2026-03-26T09:00:00Z', 'Occurrence'], ['2026-04-03T12:00:00Z', 'Exception'],
      ['2026-04-09T08:00:00Z', 'Occurrence'], ['2026-04-16T08:00:00Z', 'Occurrence'],
    ]);
    expect(first(after[2], 'Subject')!.text).toBe('Moved jour fixe');

    const master = first((await sim.ews(getItem([masterId]))).doc, 'CalendarItem')!;
    expect(first(master, 'CalendarItemType')!.text).toBe('RecurringMaster');
    expect(first(first(master, 'ModifiedOccurrences'), 'OriginalStart')!.text).toBe('2026-04-02T08:00:00Z');
    expect(first(first(master, 'DeletedOccurrences'), 'Start')!.text).toBe('2026-03-19T09:00:00Z');
    expect(first(master, 'StartTimeZone')!.attrs.Id).toBe('W. Europe Standard Time');

    const occurrenceId = first(after[2], 'ItemId')!.attrs.Id!;
    const viaMaster = `<m:GetItem ${NS}><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape><t:AdditionalProperties><t:FieldURI FieldURI="calendar:CalendarItemType"/></t:AdditionalProperties></m:ItemShape><m:ItemIds><t:RecurringMasterItemId OccurrenceId="${occurrenceId}"/></m:ItemIds></m:GetItem>`;
    const masterFromOccurrence = await sim.ews(viaMaster);
    expect([first(masterFromOccurrence.doc, 'ItemId')!.attrs.Id, first(masterFromOccurrence.doc, 'CalendarItemType')!.text]).toEqual([masterId, 'RecurringMaster']);
    const occurrence = first((await sim.ews(getItem([occurrenceId]))).doc, 'CalendarItem')!;
    expect(first(occurrence, 'OriginalStart')!.text).toBe('2026-04-02T08:00:00Z');
    expect(first(occurrence, 'Location')!.text).toBe('Berlin');
    const delta = await sim.ews(syncItems('calendar', state));
    expect(first(delta.doc, 'Changes')!.children.map((c) => c.local)).toEqual(['Update']);
    const contactInCalendar = await sim.ews(createItem('<t:Contact><t:GivenName>X</t:GivenName></t:Contact>', '', 'calendar'));
    expect(codes(contactInCalendar)).toEqual(['ErrorCannotCreateContactInNonContactFolder']);
    const gone = `<m:GetItem ${NS}><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:ItemIds><t:OccurrenceItemId RecurringMasterId="${masterId}" InstanceIndex="2"/><t:OccurrenceItemId RecurringMasterId="${masterId}" InstanceIndex="9"/></m:ItemIds></m:GetItem>`;
    expect(codes(await sim.ews(gone))).toEqual(['ErrorCalendarOccurrenceIsDeletedFromRecurrence', 'ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange']);

    // Moving the whole series drops its exceptions, as Exchange does.
    const shift = `<m:UpdateItem ${NS} ConflictResolution="AlwaysOverwrite" SendMeetingInvitationsOrCancellations="SendToNone"><m:ItemChanges><t:ItemChange><t:ItemId Id="${masterId}"/><t:Updates>` +
      setField('calendar:Start', 'CalendarItem', '<t:Start>2026-03-12T10:00:00Z</t:Start>') + setField('calendar:End', 'CalendarItem', '<t:End>2026-03-12T11:00:00Z</t:End>') +
      '</t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>';
    expect(codes(await sim.ews(shift))).toEqual(['NoError']);
    const shifted = first((await sim.ews(getItem([masterId]))).doc, 'CalendarItem')!;
    expect([first(shifted, 'ModifiedOccurrences'), first(shifted, 'DeletedOccurrences')]).toEqual([undefined, undefined]);
    expect(all((await sim.ews(calendarView('2026-03-01T00:00:00Z', '2026-05-01T00:00:00Z'))).doc, 'CalendarItem')).toHaveLength(6);
  });
});

describe('meetings', () => {
  it('sends invitations to internal attendees, records responses and cancellations', async () => {
    const meeting =
      '<t:CalendarItem><t:Subject>Kick-off</t:Subject><t:Start>2026-06-01T08:00:00Z</t:Start><t:End>2026-06-01T09:00:00Z</t:End><t:IsAllDayEvent>false</t:IsAllDayEvent><t:LegacyFreeBusyStatus>Busy</t:LegacyFreeBusyStatus>' +
      '<t:RequiredAttendees><t:Attendee><t:Mailbox><t:EmailAddress>bob@test.example</t:EmailAddress></t:Mailbox></t:Attendee></t:RequiredAttendees>' +
      '<t:OptionalAttendees><t:Attendee><t:Mailbox><t:Name>Ext</t:Name><t:EmailAddress>ext@partner.example</t:EmailAddress></t:Mailbox></t:Attendee></t:OptionalAttendees></t:CalendarItem>';
    expect(codes(await sim.ews(createItem(meeting, '')))).toEqual(['ErrorSendMeetingInvitationsRequired']);
    const created = await sim.ews(createItem(meeting, 'SendMeetingInvitations="SendToAllAndSaveCopy"'));
    const id = first(created.doc, 'ItemId')!.attrs.Id!;
    const bobCopy = (await sim.admin<{ id: string; fields: Record<string, unknown> }[]>('GET', '/mailboxes/bob@test.example/items?folder=calendar')).body[0]!;
    expect(bobCopy.fields).toMatchObject({ Subject: 'Kick-off', MyResponseType: 'NoResponseReceived' });
    await sim.admin('POST', `/items/${encodeURIComponent(bobCopy.id)}/respond`, { response: 'Accept' });
    const organizer = first((await sim.ews(getItem([id]))).doc, 'CalendarItem')!;
    expect(first(first(organizer, 'RequiredAttendees'), 'ResponseType')!.text).toBe('Accept');
    expect(first(organizer, 'MyResponseType')!.text).toBe('Organizer');
    expect(first(organizer, 'IsMeeting')!.text).toBe('true');
    const cancel = `<m:DeleteItem ${NS} DeleteType="MoveToDeletedItems" SendMeetingCancellations="SendToAllAndSaveCopy"><m:ItemIds><t:ItemId Id="${id}"/></m:ItemIds></m:DeleteItem>`;
    expect(codes(await sim.ews(cancel))).toEqual(['NoError']);
    const outbox = (await sim.admin<{ kind: string }[]>('GET', '/outbox')).body.map((m) => m.kind);
    expect(outbox).toEqual(['meetingRequest', 'meetingCancellation']);
  });

  it('reads dateTimes without an offset in the TimeZoneContext zone', async () => {
    const created = await sim.ews(
      createItem('<t:CalendarItem><t:Subject>Local</t:Subject><t:Start>2026-01-15T09:00:00</t:Start><t:End>2026-01-15T10:00:00</t:End></t:CalendarItem>'),
      { header: `<t:TimeZoneContext xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"><t:TimeZoneDefinition Id="Eastern Standard Time"/></t:TimeZoneContext>` },
    );
    const item = first((await sim.ews(getItem([first(created.doc, 'ItemId')!.attrs.Id!]))).doc, 'CalendarItem')!;
    expect(first(item, 'Start')!.text).toBe('2026-01-15T14:00:00Z');
  });

  it('all-day out-of-office block with reminder round-trips', async () => {
    const created = await sim.ews(createItem(
      '<t:CalendarItem><t:Subject>Urlaub</t:Subject><t:Sensitivity>Private</t:Sensitivity><t:ReminderIsSet>false</t:ReminderIsSet><t:Start>2026-07-06T00:00:00+02:00</t:Start><t:End>2026-07-11T00:00:00+02:00</t:End>' +
        '<t:IsAllDayEvent>true</t:IsAllDayEvent><t:LegacyFreeBusyStatus>OOF</t:LegacyFreeBusyStatus><t:StartTimeZone Id="W. Europe Standard Time"/><t:EndTimeZone Id="W. Europe Standard Time"/></t:CalendarItem>',
    ));
    const item = first((await sim.ews(getItem([first(created.doc, 'ItemId')!.attrs.Id!]))).doc, 'CalendarItem')!;
    expect([first(item, 'Start')!.text, first(item, 'LegacyFreeBusyStatus')!.text, first(item, 'IsAllDayEvent')!.text, first(item, 'Sensitivity')!.text])
      .toEqual(['2026-07-05T22:00:00Z', 'OOF', 'true', 'Private']);
  });
});
