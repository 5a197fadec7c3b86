import { expect, it } from 'vitest';
import { domainItemSchema, type Absence, type Appointment, type Contact, type Task } from '@connector/core';
import type { ItemResult } from '../exchange.port.js';
import type { EnvRef } from './contract-env.test-support.js';

export function ok<T>(result: ItemResult<T> | undefined): T {
  if (!result?.ok) throw new Error(`expected success, got ${result ? `${result.error.code}: ${result.error.message}` : 'nothing'}`);
  return result.value;
}

const parse = <T>(value: unknown) => domainItemSchema.parse(value) as T;

export const CONTACT = parse<Contact>({
  type: 'contact', givenName: 'Jürgen', surname: 'Weiß', companyName: 'Müller & Söhne GmbH', jobTitle: 'Einkauf',
  department: 'Procurement',
  emails: [{ slot: 'email1', address: 'juergen@mueller.example' }, { slot: 'email2', address: 'jw@private.example' }],
  phones: [{ kind: 'business', number: '+49 30 1234' }, { kind: 'mobile', number: '+49 170 55' }, { kind: 'homeFax', number: '+49 30 99' }],
  addresses: [{ kind: 'business', street: 'Hauptstr. 1', city: 'Berlin', postalCode: '10115', country: 'Germany' }, { kind: 'home', city: 'Potsdam' }],
  notes: 'Prefers calls\nbefore noon', isCompany: false, extra: { rating: 'A' },
});

/** What Exchange shows for CONTACT: it derives the display name from given name and surname. */
export const CONTACT_AS_STORED: Contact = { ...CONTACT, displayName: 'Jürgen Weiß' };

export const TASK = parse<Task>({
  type: 'task', subject: 'Send offer', body: 'v2 with discount', start: '2026-11-30T08:00:00Z', due: '2026-12-02T17:00:00Z',
  status: 'inProgress', percentComplete: 40, importance: 'high', reminderAt: '2026-12-02T08:00:00Z',
});

export const ABSENCE = parse<Absence>({
  type: 'absence', kind: 'vacation', start: '2026-12-21T00:00:00+01:00', end: '2026-12-24T00:00:00+01:00', timeZone: 'Europe/Berlin', isAllDay: true, note: 'Back on the 28th',
});

export const MEETING = parse<Appointment>({
  type: 'appointment', kind: 'visit', subject: 'Visit ACME', body: 'Agenda: pricing', location: 'ACME HQ, Boston',
  start: '2026-12-03T09:30:00-05:00', end: '2026-12-03T11:00:00-05:00', timeZone: 'America/New_York', reminderMinutes: 30,
  busyStatus: 'busy', sensitivity: 'private', categories: ['CRM', 'Customer'],
  attendees: [
    { address: 'dana@acme.example', name: 'Dana Diaz', role: 'required' },
    { address: 'eve@acme.example', role: 'optional' },
  ],
});

/** Weekly on Monday 09:00 Berlin from 16 March 2026: DST starts on 29 March, so offsets move from +01:00 to +02:00. */
export const DST_SERIES = parse<Appointment>({
  type: 'appointment', subject: 'Weekly review', start: '2026-03-16T09:00:00+01:00', end: '2026-03-16T10:00:00+01:00', timeZone: 'Europe/Berlin',
  recurrence: { pattern: { kind: 'weekly', interval: 1, daysOfWeek: ['monday'] }, range: { kind: 'numbered', startDate: '2026-03-16', count: 6 } },
  modifiedOccurrences: [{ originalStart: '2026-03-30T09:00:00+02:00', start: '2026-03-31T11:00:00+02:00', end: '2026-03-31T12:00:00+02:00', subject: 'Weekly review (moved)' }],
  deletedOccurrences: ['2026-04-06T09:00:00+02:00'],
});

export function itemsContract(env: EnvRef): void {
  const folder = async (mailbox: string, path: string) => (await env().port.resolveFolder(mailbox, path, { create: true })).folderId;

  it('creates a contact with all slots and reads it back equal, stamped with its link id', async () => {
    const mailbox = await env().newMailbox();
    const folderId = await folder(mailbox, '/<contacts>/CRM Contacts');
    const ref = ok((await env().port.createItems(mailbox, 'contact', folderId, [{ linkId: 'link-contact-1', item: CONTACT }]))[0]);
    const read = ok((await env().port.getItems(mailbox, 'contact', [ref.itemId]))[0]);
    expect(read.item).toEqual(CONTACT_AS_STORED);
    expect(read.ref).toEqual(ref);
    expect(read.markers).toEqual({ linkId: 'link-contact-1' });
  });

  it('updates only the changed contact fields, removing slots that are gone', async () => {
    const mailbox = await env().newMailbox();
    const folderId = await folder(mailbox, '/<contacts>');
    const ref = ok((await env().port.createItems(mailbox, 'contact', folderId, [{ linkId: 'link-contact-2', item: CONTACT }]))[0]);
    const changed: Contact = { ...CONTACT, jobTitle: 'Head of Purchasing', emails: [CONTACT.emails[0]!], phones: [{ kind: 'mobile', number: '+49 170 66' }], notes: undefined };
    const next = ok((await env().port.updateItems(mailbox, 'contact', [{ ref, item: changed, changedFields: ['jobTitle', 'emails', 'phones', 'notes'] }]))[0]);
    expect(next.itemId).toBe(ref.itemId);
    expect(next.changeKey).not.toBe(ref.changeKey);
    expect(ok((await env().port.getItems(mailbox, 'contact', [ref.itemId]))[0]).item).toEqual({ ...changed, displayName: 'Jürgen Weiß' });
  });

  it('clears extended fields on update (company flag, mapped extra fields)', async () => {
    const mailbox = await env().newMailbox();
    const folderId = await folder(mailbox, '/<contacts>');
    const company: Contact = { ...CONTACT, isCompany: true };
    const ref = ok((await env().port.createItems(mailbox, 'contact', folderId, [{ linkId: 'link-company', item: company }]))[0]);
    expect(ok((await env().port.getItems(mailbox, 'contact', [ref.itemId]))[0]).item).toMatchObject({ isCompany: true, extra: { rating: 'A' } });
    const person: Contact = { ...CONTACT, isCompany: false, extra: {} };
    ok((await env().port.updateItems(mailbox, 'contact', [{ ref, item: person, changedFields: ['isCompany', 'extra'] }]))[0]);
    const read = ok((await env().port.getItems(mailbox, 'contact', [ref.itemId]))[0]);
    expect(read.item).toMatchObject({ isCompany: false, extra: {} });
    expect(read.markers).toEqual({ linkId: 'link-company' });
  });

  it('round-trips a task and lets its status change alone', async () => {
    const mailbox = await env().newMailbox();
    const folderId = await folder(mailbox, '/<tasks>');
    const ref = ok((await env().port.createItems(mailbox, 'task', folderId, [{ linkId: 'link-task', item: TASK }]))[0]);
    expect(ok((await env().port.getItems(mailbox, 'task', [ref.itemId]))[0]).item).toEqual(TASK);
    const done: Task = { ...TASK, status: 'completed', percentComplete: 100 };
    ok((await env().port.updateItems(mailbox, 'task', [{ ref, item: done, changedFields: ['status', 'percentComplete'] }]))[0]);
    const read = ok((await env().port.getItems(mailbox, 'task', [ref.itemId]))[0]).item;
    expect(read).toMatchObject({ status: 'completed', percentComplete: 100, subject: TASK.subject });
  });

  it('writes an absence as a private out-of-office block and reads it back as the absence', async () => {
    const mailbox = await env().newMailbox();
    const folderId = await folder(mailbox, '/<calendar>');
    const ref = ok((await env().port.createItems(mailbox, 'absence', folderId, [{ linkId: 'link-absence', item: ABSENCE }]))[0]);
    expect(ok((await env().port.getItems(mailbox, 'absence', [ref.itemId]))[0]).item).toEqual(ABSENCE);
    const asAppointment = ok((await env().port.getItems(mailbox, 'appointment', [ref.itemId]))[0]);
    expect(asAppointment.item).toMatchObject({ subject: 'Vacation', busyStatus: 'oof', sensitivity: 'private', isAllDay: true });
    expect(asAppointment.calendarKind).toBe('absence');
  });

  it('reads an absence block whose look was edited in Outlook as edited, and shows it as the absence again', async () => {
    const mailbox = await env().newMailbox();
    const folderId = await folder(mailbox, '/<calendar>');
    const ref = ok((await env().port.createItems(mailbox, 'absence', folderId, [{ linkId: 'link-absence-edit', item: ABSENCE }]))[0]);
    await env().userEdit(ref.itemId, { Subject: 'Beach', LegacyFreeBusyStatus: 'Free' });
    const edited = ok((await env().port.getItems(mailbox, 'absence', [ref.itemId]))[0]);
    expect(edited.item).toEqual({ ...ABSENCE, editedInOutlook: true });
    ok((await env().port.updateItems(mailbox, 'absence', [{ ref: edited.ref, item: ABSENCE, changedFields: ['editedInOutlook'] }]))[0]);
    expect(ok((await env().port.getItems(mailbox, 'absence', [ref.itemId]))[0]).item).toEqual(ABSENCE);
  });

  it('round-trips a meeting with attendees, categories, reminder, privacy and its own time zone', async () => {
    const mailbox = await env().newMailbox();
    const folderId = await folder(mailbox, '/<calendar>');
    const ref = ok((await env().port.createItems(mailbox, 'appointment', folderId, [{ linkId: 'link-meeting', item: MEETING }]))[0]);
    const fetched = ok((await env().port.getItems(mailbox, 'appointment', [ref.itemId]))[0]);
    expect(fetched.calendarKind).toBe('appointment');
    const { organizer, attendees, ...rest } = fetched.item;
    const { attendees: wanted, ...wantedRest } = MEETING;
    expect(rest).toEqual(wantedRest);
    expect(organizer?.address.toLowerCase()).toBe(mailbox.toLowerCase());
    expect(attendees.map(({ response: _r, ...a }) => a)).toEqual(wanted.map(({ response: _r, ...a }) => a));
  });

  it('round-trips a weekly Berlin series across the DST change with one moved and one deleted occurrence', async () => {
    const mailbox = await env().newMailbox();
    const folderId = await folder(mailbox, '/<calendar>');
    const ref = ok((await env().port.createItems(mailbox, 'appointment', folderId, [{ linkId: 'link-series', item: DST_SERIES }]))[0]);
    const read = ok((await env().port.getItems(mailbox, 'appointment', [ref.itemId]))[0]);
    expect(read.ref.changeKey).toBe(ref.changeKey);
    const { organizer: _o, ...item } = read.item;
    expect(item).toEqual(DST_SERIES);
  });

  it('adds a moved and a deleted occurrence to an existing series by update, then changes the master', async () => {
    const mailbox = await env().newMailbox();
    const folderId = await folder(mailbox, '/<calendar>');
    const plain: Appointment = { ...DST_SERIES, modifiedOccurrences: [], deletedOccurrences: [] };
    const ref = ok((await env().port.createItems(mailbox, 'appointment', folderId, [{ linkId: 'link-series-2', item: plain }]))[0]);
    const withExceptions = ok((await env().port.updateItems(mailbox, 'appointment', [{ ref, item: DST_SERIES, changedFields: ['modifiedOccurrences', 'deletedOccurrences'] }]))[0]);
    expect(withExceptions.changeKey).not.toBe(ref.changeKey);
    const renamed: Appointment = { ...DST_SERIES, location: 'Room 4.12' };
    const final = ok((await env().port.updateItems(mailbox, 'appointment', [{ ref: withExceptions, item: renamed, changedFields: ['location'] }]))[0]);
    const read = ok((await env().port.getItems(mailbox, 'appointment', [ref.itemId]))[0]);
    expect(read.ref).toEqual(final);
    const { organizer: _o, ...item } = read.item;
    expect(item).toEqual(renamed);
  });

  it.each([
    ['contact', '/<contacts>', CONTACT, { jobTitle: 'CFO' }],
    ['task', '/<tasks>', TASK, { subject: 'Send offer v3' }],
    ['absence', '/<calendar>', ABSENCE, { kind: 'training' }],
    ['appointment', '/<calendar>', MEETING, { subject: 'Visit ACME (moved)', start: '2026-12-03T10:30:00-05:00', end: '2026-12-03T12:00:00-05:00' }],
  ] as const)('%s: update of one field, then delete, then gone', async (type, path, item, change) => {
    const mailbox = await env().newMailbox();
    const folderId = await folder(mailbox, path);
    const ref = ok((await env().port.createItems(mailbox, type, folderId, [{ linkId: `life-${type}`, item: item as never }]))[0]);
    const next = { ...item, ...change };
    const updated = ok((await env().port.updateItems(mailbox, type, [{ ref, item: next as never, changedFields: Object.keys(change) as never }]))[0]);
    const read = ok((await env().port.getItems(mailbox, type, [ref.itemId]))[0]);
    expect(read.ref).toEqual(updated);
    expect(read.item).toMatchObject(change);
    expect((await env().port.deleteItems(mailbox, [ref.itemId]))[0]).toEqual({ ok: true, value: { itemId: ref.itemId } });
    expect((await env().port.getItems(mailbox, type, [ref.itemId]))[0]).toMatchObject({ ok: false, error: { code: 'EXCHANGE_ITEM_NOT_FOUND' } });
    expect(await env().port.findByLinkId(mailbox, folderId, `life-${type}`)).toBeUndefined();
  });

  it('deletes in batches; deleting again is not an error', async () => {
    const mailbox = await env().newMailbox();
    const folderId = await folder(mailbox, '/<tasks>');
    const refs = (await env().port.createItems(mailbox, 'task', folderId, [1, 2, 3].map((n) => ({ linkId: `del-${n}`, item: { ...TASK, subject: `t${n}` } })))).map(ok);
    const ids = refs.map((r) => r.itemId);
    expect((await env().port.deleteItems(mailbox, ids)).map(ok)).toEqual(ids.map((itemId) => ({ itemId })));
    expect((await env().port.deleteItems(mailbox, ids, { deleteType: 'softDelete' })).every((r) => r.ok)).toBe(true);
    const gone = await env().port.getItems(mailbox, 'task', ids);
    expect(gone.map((r) => (r.ok ? 'found' : r.error.code))).toEqual(['EXCHANGE_ITEM_NOT_FOUND', 'EXCHANGE_ITEM_NOT_FOUND', 'EXCHANGE_ITEM_NOT_FOUND']);
  });
}
