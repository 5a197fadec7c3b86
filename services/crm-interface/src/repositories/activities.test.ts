import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCrm, type TestCrm } from '../crm.test-support.js';
import { CRM_ERROR_CODES } from './crm.error.js';

describe('activities, persons and favourites', () => {
  let crm: TestCrm;
  beforeAll(async () => {
    crm = await createTestCrm('crm_activities');
  });
  afterAll(async () => crm.close());

  const mail = (messageId: string) => ({
    subject: 'Offer 4711',
    bodyText: 'Hello',
    bodyHtml: '<p>Hello</p>',
    direction: 'incoming',
    importance: 'high',
    organizer: { userId: null, address: 'buyer@customer.example', name: 'Buyer' },
    internetMessageId: messageId,
    references: ['<a@x>', '<b@x>'],
    inReplyTo: '<b@x>',
    threadId: 'thread-1',
    sentAt: '2026-11-20T08:00:00Z',
    receivedAt: '2026-11-20T08:00:05Z',
    missingParticipants: true,
    unresolvedAddresses: { required: ['unknown@else.example'], optional: [], unknown: ['bcc@else.example'] },
  });

  it('files the same e-mail twice for a user only once, but separately for another user', async () => {
    const { data, alice, bob } = crm;
    const emails = data.datastore('emails');
    const first = await emails.create(alice, mail('<m1@customer.example>'));
    const again = await emails.create(alice, { ...mail('<m1@customer.example>'), subject: 'moved again' });
    expect(first.changed).toBe(true);
    expect(again).toMatchObject({ changed: false, record: { id: first.record.id, subject: 'Offer 4711', kind: 'email' } });
    const forBob = await emails.create(bob, mail('<m1@customer.example>'));
    expect(forBob.record.id).not.toBe(first.record.id);
    expect(first.record).toMatchObject({
      unresolvedAddresses: { required: ['unknown@else.example'], optional: [], unknown: ['bcc@else.example'] },
      organizer: { address: 'buyer@customer.example' },
      references: ['<a@x>', '<b@x>'],
      sentAt: '2026-11-20T08:00:00.000Z',
    });
    expect(await data.datastore('calendar').get(alice, first.record.id)).toBeNull();
  });

  it('stores a weekly series with an exception, deleted occurrences and participants', async () => {
    const { data, alice, bob } = crm;
    const calendar = data.datastore('calendar');
    const customer = (await data.persons.create(alice, { firstName: 'Cora', lastName: 'Customer', emails: [{ address: 'Cora@Customer.example', kind: 'work' }] })).record;
    const series = await calendar.create(alice, {
      kind: 'meeting',
      subject: 'Weekly review',
      startAt: '2026-12-07T09:00:00+01:00',
      endAt: '2026-12-07T10:00:00+01:00',
      timeZone: 'Europe/Berlin',
      recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=10', deletedOccurrences: ['2026-12-21T08:00:00Z'] },
      participants: [
        { personId: customer.id, userId: null, address: 'cora@customer.example', name: 'Cora', role: 'required', response: 'accepted' },
        { personId: null, userId: bob.userId, address: null, name: null, role: 'optional', response: 'tentative' },
      ],
      exceptions: [{ originalStart: '2026-12-14T08:00:00Z', startAt: '2026-12-14T13:00:00Z', endAt: '2026-12-14T14:00:00Z', location: 'Room 2' }],
    });
    const record = series.record;
    expect(record.recurrence).toEqual({ rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=10', deletedOccurrences: ['2026-12-21T08:00:00.000Z'] });
    expect(record.exceptions).toEqual([
      expect.objectContaining({ originalStart: '2026-12-14T08:00:00.000Z', startAt: '2026-12-14T13:00:00.000Z', location: 'Room 2', subject: 'Weekly review' }),
    ]);
    expect(record.participants.map((p) => p.response)).toEqual(['accepted', 'tentative']);
    // Exceptions belong to their master: never listed as records of their own.
    expect((await calendar.list(alice)).filter((a) => a.subject === 'Weekly review')).toHaveLength(1);

    const moved = await calendar.update(alice, record.id, {
      exceptions: [{ originalStart: '2026-12-28T08:00:00Z', startAt: '2026-12-28T10:00:00Z', endAt: '2026-12-28T11:00:00Z' }],
    });
    expect(moved.record.exceptions.map((e) => e.originalStart)).toEqual(['2026-12-28T08:00:00.000Z']);
    const single = await calendar.update(alice, record.id, { recurrence: null });
    expect(single.record.exceptions).toEqual([]);
    expect(await data.persons.findByEmail(alice, 'cora@CUSTOMER.example')).toEqual([expect.objectContaining({ id: customer.id })]);
  });

  it('resolves participants sent by address to the one person or user with it, and flags the rest as missing', async () => {
    const { data, alice } = crm;
    await data.db.query(`UPDATE crm.app_user SET email = 'bob@corp.example' WHERE login = 'bob@demo.example'`);
    const person = (await data.persons.create(alice, { firstName: 'Rita', lastName: 'Resolved', emails: [{ address: 'rita@customer.example', kind: 'work' }] })).record;
    const byAddress = (address: string, role: 'required' | 'optional') => ({ personId: null, userId: null, address, name: null, role, response: 'accepted' as const });
    const calendar = data.datastore('calendar');
    const created = await calendar.create(alice, {
      kind: 'meeting', subject: 'Resolution', startAt: '2026-12-07T09:00:00Z', endAt: '2026-12-07T10:00:00Z',
      participants: [byAddress('RITA@customer.example', 'required'), byAddress('bob@corp.example', 'required'), byAddress('who@else.example', 'optional')],
    });
    expect(created.record.participants.map((p) => [p.personId, p.userId, p.address])).toEqual([
      [person.id, null, 'RITA@customer.example'],
      [null, crm.bob.userId, 'bob@corp.example'],
      [null, null, 'who@else.example'],
    ]);
    expect(created.record).toMatchObject({ missingParticipants: true, unresolvedAddresses: { required: [], optional: ['who@else.example'], unknown: [] } });
    const fixed = await calendar.update(alice, created.record.id, { participants: [byAddress('rita@customer.example', 'required')] });
    expect(fixed.record).toMatchObject({ missingParticipants: false, unresolvedAddresses: { required: [], optional: [], unknown: [] } });
  });

  it('refuses an e-mail in the calendar datastore', async () => {
    const { data, alice } = crm;
    await expect(data.datastore('calendar').create(alice, { ...mail('<m2@x>'), kind: 'email' })).rejects.toMatchObject({
      code: CRM_ERROR_CODES.INVALID_RECORD,
    });
  });

  it('marks favourites per user and counts a favourite change as a person change', async () => {
    const { data, alice, bob } = crm;
    const person = (await data.persons.create(alice, { lastName: 'Fav', phones: [{ kind: 'mobile', number: '+49 170 1' }] })).record;
    await data.persons.setFavourite(bob, person.id, true);
    const seen = await data.persons.get(bob, person.id);
    expect(seen).toMatchObject({ favourite: true, phones: [{ kind: 'mobile', number: '+49 170 1' }] });
    expect(BigInt(seen!.version)).toBeGreaterThan(BigInt(person.version));
    expect((await data.persons.get(alice, person.id))?.favourite).toBe(false);
    await data.persons.setFavourite(bob, person.id, false);
    expect((await data.persons.get(bob, person.id))?.favourite).toBe(false);
  });
});
