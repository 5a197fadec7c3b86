import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCrm, type TestCrm } from '../crm.test-support.js';
import { CRM_ERROR_CODES } from './crm.error.js';

describe('rights in the repository layer', () => {
  let crm: TestCrm;
  beforeAll(async () => {
    crm = await createTestCrm('crm_rights');
  });
  afterAll(async () => crm.close());

  const appointment = (extra: Record<string, unknown> = {}) => ({
    kind: 'appointment',
    subject: 'Visit',
    startAt: '2026-12-01T09:00:00+01:00',
    endAt: '2026-12-01T10:00:00+01:00',
    timeZone: 'Europe/Berlin',
    ...extra,
  });

  it('lets a user read own records and shared records of their sales group only', async () => {
    const { data, alice, bob, dave, erin } = crm;
    const shared = (await data.persons.create(alice, { lastName: 'Shared', shared: true })).record;
    const unshared = (await data.persons.create(alice, { lastName: 'Mine', shared: false })).record;
    const unassigned = (await data.persons.create(alice, { lastName: 'Nobody', responsibleUserId: null })).record;
    expect((await data.persons.get(bob, shared.id))?.lastName).toBe('Shared');
    expect(await data.persons.get(bob, unshared.id)).toBeNull();
    expect(await data.persons.get(dave, shared.id)).toBeNull();
    expect(await data.persons.get(erin, shared.id)).toBeNull();
    expect(await data.persons.get(dave, unassigned.id)).not.toBeNull();
    expect((await data.persons.get(alice, unshared.id))?.lastName).toBe('Mine');
    const bobSees = (await data.persons.list(bob)).map((p) => p.lastName).sort();
    expect(bobSees).toEqual(['Nobody', 'Shared']);
  });

  it("never returns other users' private appointments, even to their group or participants", async () => {
    const { data, alice, bob } = crm;
    const participant = { personId: null, userId: bob.userId, address: null, name: 'Bob', role: 'required', response: 'none' };
    const secret = (await data.activities.create(alice, appointment({ private: true, participants: [participant] }))).record;
    const open = (await data.activities.create(alice, appointment({ shared: false, participants: [participant] }))).record;
    expect(await data.activities.get(bob, secret.id)).toBeNull();
    expect(await data.activities.get(alice, secret.id)).not.toBeNull();
    expect((await data.activities.list(bob)).map((a) => a.id)).not.toContain(secret.id);
    expect((await data.activities.get(bob, open.id))?.id).toBe(open.id);
    const page = await data.datastore('calendar').changesSince(bob, { userId: bob.userId, deviceId: 'dev', datastore: 'calendar' }, { sinceSeq: '0' });
    expect(page.changes.map((c) => (c.type === 'upsert' ? c.record.id : c.recordId))).not.toContain(secret.id);
  });

  it('raises Forbidden for writes outside the rights, and changes nothing', async () => {
    const { data, alice, bob, dave } = crm;
    const unshared = (await data.tasks.create(alice, { subject: 'Call back', shared: false })).record;
    const shared = (await data.tasks.create(alice, { subject: 'Offer' })).record;
    const seq = await data.currentSeq();
    await expect(data.tasks.update(bob, unshared.id, { subject: 'x' })).rejects.toMatchObject({ code: CRM_ERROR_CODES.FORBIDDEN });
    await expect(data.tasks.delete(dave, shared.id)).rejects.toMatchObject({ code: CRM_ERROR_CODES.FORBIDDEN });
    await expect(data.tasks.create(alice, { subject: 'For Dave', responsibleUserId: dave.userId })).rejects.toMatchObject({
      code: CRM_ERROR_CODES.FORBIDDEN,
    });
    await expect(data.tasks.update(bob, shared.id, { responsibleUserId: dave.userId })).rejects.toMatchObject({ code: CRM_ERROR_CODES.FORBIDDEN });
    expect(await data.currentSeq()).toBe(seq);
    const byBob = await data.tasks.update(bob, shared.id, { status: 'in-progress', percentComplete: 50 });
    expect(byBob.record).toMatchObject({ status: 'in-progress', percentComplete: 50, responsibleUserId: alice.userId });
    await expect(data.tasks.create(alice, { subject: 'For Bob', responsibleUserId: bob.userId })).resolves.toBeTruthy();
  });

  it('answers NotFound for unknown ids and InvalidRecord for bad input', async () => {
    const { data, alice } = crm;
    await expect(data.tasks.update(alice, '00000000-0000-4000-8000-000000000000', { subject: 'x' })).rejects.toMatchObject({
      code: CRM_ERROR_CODES.NOT_FOUND,
    });
    await expect(data.tasks.delete(alice, 'not-a-record-id')).rejects.toMatchObject({ code: CRM_ERROR_CODES.NOT_FOUND });
    expect(await data.tasks.get(alice, 'not-a-record-id')).toBeNull();
    await expect(data.tasks.create(alice, { subject: '' })).rejects.toMatchObject({ code: CRM_ERROR_CODES.INVALID_RECORD });
    await expect(data.tasks.create(alice, { subject: 'x', status: 'done' })).rejects.toMatchObject({ code: CRM_ERROR_CODES.INVALID_RECORD });
    await expect(data.tasks.create(alice, { subject: 'x', extra: 1 })).rejects.toMatchObject({ code: CRM_ERROR_CODES.INVALID_RECORD });
    await expect(data.tasks.create(alice, { subject: 'x', personId: '00000000-0000-4000-8000-000000000001' })).rejects.toMatchObject({
      code: CRM_ERROR_CODES.INVALID_RECORD,
    });
    const first = (await data.activities.create(alice, { kind: 'email', internetMessageId: '<one@x>' })).record;
    await data.activities.create(alice, { kind: 'email', internetMessageId: '<two@x>' });
    await expect(data.activities.update(alice, first.id, { internetMessageId: '<two@x>' })).rejects.toMatchObject({ code: CRM_ERROR_CODES.DUPLICATE });
  });
});
