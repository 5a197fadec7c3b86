import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_HOOK_TIMEOUT_MS, E2E_TEST_TIMEOUT_MS, startE2eSystem, type E2eSystem } from '../harness/e2e-system.js';
import { at, itemsNamed } from '../scenarios/scenario.test-support.js';

const ANN = 'ann@e2e.example';

/** The absence blocks of Ann's calendar with this subject. */
const blocks = (e2e: E2eSystem, subject: string) => itemsNamed(e2e, ANN, 'calendar', subject);

describe('absences: CRM → Exchange', () => {
  let e2e: E2eSystem;
  let ann: string;
  const cycle = () => e2e.runCycle({ mailbox: ANN, type: 'absence' });
  const quiet = () => e2e.assertQuietCycle({ mailbox: ANN });

  beforeAll(async () => {
    e2e = await startE2eSystem({ label: 'issue7_absences', mailboxes: [{ smtp: ANN, crmUser: 'ann', displayName: 'Ann Archer' }] });
    ann = await e2e.crm.users.userId('ann');
  }, E2E_HOOK_TIMEOUT_MS);
  afterAll(() => e2e?.close(), E2E_HOOK_TIMEOUT_MS);

  it('shows an all-day vacation as a private out-of-office block titled by its type', async () => {
    await e2e.crm.absences.createOne({ type: 'vacation', allDay: true, startAt: at(10, 0), endAt: at(13, 0), timeZone: 'UTC', note: 'Skiing', responsibleUserId: ann });
    await cycle();
    const [block, ...others] = await blocks(e2e, 'Vacation');
    expect(others).toEqual([]);
    expect(block!.fields).toMatchObject({ IsAllDayEvent: true, LegacyFreeBusyStatus: 'OOF', Sensitivity: 'Private', Start: at(10, 0), End: at(13, 0) });
    expect(JSON.stringify(block!.fields.Body)).toContain('Skiing');
    await quiet();
  }, E2E_TEST_TIMEOUT_MS);

  it('shows a timed training, follows CRM edits in place and the CRM delete', async () => {
    const id = await e2e.crm.absences.createOne({ type: 'training', allDay: false, startAt: at(5, 8), endAt: at(5, 12), timeZone: 'Europe/Berlin', responsibleUserId: ann });
    await cycle();
    const [block] = await blocks(e2e, 'Training');
    expect(block!.fields).toMatchObject({ IsAllDayEvent: false, LegacyFreeBusyStatus: 'OOF', Sensitivity: 'Private', Start: at(5, 8), End: at(5, 12) });

    await e2e.crm.absences.update(id, { type: 'sickness', startAt: at(6, 7), endAt: at(6, 15) });
    await cycle();
    expect(await blocks(e2e, 'Training')).toEqual([]);
    expect((await e2e.exchange.item(block!.id)).fields).toMatchObject({ Subject: 'Sick leave', LegacyFreeBusyStatus: 'OOF', Start: at(6, 7), End: at(6, 15) });
    await quiet();

    await e2e.crm.absences.delete(id);
    await cycle();
    expect(await blocks(e2e, 'Sick leave')).toEqual([]);
    await quiet();
  }, E2E_TEST_TIMEOUT_MS);

  it('overwrites edits made in Outlook and recreates a block deleted there', async () => {
    await e2e.crm.absences.createOne({ type: 'other', allDay: false, startAt: at(8, 9), endAt: at(8, 11), timeZone: 'UTC', note: 'Dentist', responsibleUserId: ann });
    await cycle();
    const [block] = await blocks(e2e, 'Absent');

    await e2e.exchange.asUser.update(block!.id, { fields: { Subject: 'Beach', LegacyFreeBusyStatus: 'Free', Sensitivity: 'Normal', Start: at(8, 10), End: at(8, 16) } });
    await cycle();
    expect((await e2e.exchange.item(block!.id)).fields).toMatchObject({ Subject: 'Absent', LegacyFreeBusyStatus: 'OOF', Sensitivity: 'Private', Start: at(8, 9), End: at(8, 11) });
    await quiet();

    await e2e.exchange.asUser.delete(block!.id);
    await cycle();
    expect(await blocks(e2e, 'Absent')).toHaveLength(1);
    await quiet();
  }, E2E_TEST_TIMEOUT_MS);

  it('leaves absences outside the window alone', async () => {
    await e2e.crm.absences.createOne({ type: 'vacation', allDay: true, startAt: at(600, 0), endAt: at(602, 0), responsibleUserId: ann, note: 'far away' });
    await cycle();
    expect((await e2e.exchange.items(ANN, 'calendar')).filter((i) => JSON.stringify(i.fields.Body ?? '').includes('far away'))).toEqual([]);
    await quiet();
  }, E2E_TEST_TIMEOUT_MS);
});
