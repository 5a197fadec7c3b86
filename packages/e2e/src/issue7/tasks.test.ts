import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_HOOK_TIMEOUT_MS, E2E_TEST_TIMEOUT_MS, startE2eSystem, type E2eSystem } from '../harness/e2e-system.js';
import { at, itemsNamed } from '../scenarios/scenario.test-support.js';

// Ann and Bob share a sales group, so Ann may hand a task to Bob.
const ANN = 'ann@e2e.example';
const BOB = 'bob@e2e.example';

const day = (days: number) => at(days, 0).slice(0, 10);

describe('tasks: CRM → Exchange, status back', () => {
  let e2e: E2eSystem;
  const cycle = () => e2e.runCycle({ type: 'task' });
  const quiet = () => e2e.assertQuietCycle({ type: 'task' });
  const userId = (login: string) => e2e.crm.users.userId(login);

  beforeAll(async () => {
    e2e = await startE2eSystem({
      label: 'issue7_tasks',
      mailboxes: [
        { smtp: ANN, crmUser: 'ann', displayName: 'Ann Archer', salesGroup: 'North' },
        { smtp: BOB, crmUser: 'bob', displayName: 'Bob Baker', salesGroup: 'North' },
      ],
    });
  }, E2E_HOOK_TIMEOUT_MS);
  afterAll(() => e2e?.close(), E2E_HOOK_TIMEOUT_MS);

  it('creates the user’s CRM tasks in the window with every field, and nothing else', async () => {
    const ann = await userId('ann');
    await e2e.crm.tasks.create([
      {
        subject: 'T1 offer', body: 'Include the 3-year option.', status: 'in-progress', percentComplete: 40, priority: 'high',
        startDate: day(2), dueDate: day(5), reminderAt: at(5, 7), responsibleUserId: ann,
      },
      { subject: 'T1 delegated', dueDate: day(3), delegated: true, responsibleUserId: ann },
      { subject: 'T1 far future', dueDate: day(500), responsibleUserId: ann },
      { subject: 'T1 long past', dueDate: day(-90), responsibleUserId: ann },
    ]);
    await cycle();

    const [task, ...others] = await itemsNamed(e2e, ANN, 'tasks', 'T1 offer');
    expect(others).toEqual([]);
    expect(task!.fields).toMatchObject({
      Status: 'InProgress', PercentComplete: 40, Importance: 'High',
      StartDate: `${day(2)}T00:00:00Z`, DueDate: `${day(5)}T00:00:00Z`, ReminderIsSet: true, ReminderDueBy: at(5, 7),
    });
    expect(JSON.stringify(task!.fields.Body)).toContain('Include the 3-year option.');
    for (const subject of ['T1 delegated', 'T1 far future', 'T1 long past']) expect(await itemsNamed(e2e, ANN, 'tasks', subject)).toEqual([]);
    await quiet();
  }, E2E_TEST_TIMEOUT_MS);

  it('takes status, % complete and completion back from Outlook and overwrites an Outlook subject edit', async () => {
    const id = await e2e.crm.tasks.createOne({ subject: 'T2 call back', dueDate: day(4), responsibleUserId: await userId('ann') });
    await cycle();
    const [task] = await itemsNamed(e2e, ANN, 'tasks', 'T2 call back');
    expect(task!.fields).toMatchObject({ Status: 'NotStarted' });

    const completedAt = at(0, 8);
    await e2e.exchange.asUser.update(task!.id, { fields: { Subject: 'T2 renamed in Outlook', Status: 'Completed', PercentComplete: 100, CompleteDate: completedAt } });
    await cycle();

    const record = await e2e.crm.tasks.get(id);
    expect(record).toMatchObject({ subject: 'T2 call back', status: 'completed', percentComplete: 100, completedAt: new Date(completedAt).toISOString() });
    expect((await e2e.exchange.item(task!.id)).fields).toMatchObject({ Subject: 'T2 call back', Status: 'Completed', PercentComplete: 100 });
    await quiet();
  }, E2E_TEST_TIMEOUT_MS);

  it('ignores a task once Outlook assigned it to someone else (delegated)', async () => {
    await e2e.crm.tasks.createOne({ subject: 'T5 assign in Outlook', dueDate: day(3), responsibleUserId: await userId('ann') });
    await cycle();
    const [task] = await itemsNamed(e2e, ANN, 'tasks', 'T5 assign in Outlook');
    await e2e.exchange.asUser.update(task!.id, { fields: { DelegationState: 'Owned', Subject: 'T5 assigned to a colleague', Status: 'InProgress' } });
    await cycle();
    expect((await e2e.exchange.item(task!.id)).fields).toMatchObject({ Subject: 'T5 assigned to a colleague' });
    expect((await e2e.crm.tasks.listAll()).find((t) => t.subject === 'T5 assign in Outlook')).toMatchObject({ status: 'open' });
    await quiet();
  }, E2E_TEST_TIMEOUT_MS);

  it('moves a task reassigned to another rep to that rep’s mailbox', async () => {
    const id = await e2e.crm.tasks.createOne({ subject: 'T3 hand over', dueDate: day(6), responsibleUserId: await userId('ann') });
    await cycle();
    expect(await itemsNamed(e2e, ANN, 'tasks', 'T3 hand over')).toHaveLength(1);

    await e2e.crm.tasks.update(id, { responsibleUserId: await userId('bob') });
    await cycle();
    expect(await itemsNamed(e2e, ANN, 'tasks', 'T3 hand over')).toEqual([]);
    expect(await itemsNamed(e2e, BOB, 'tasks', 'T3 hand over')).toHaveLength(1);
    await quiet();
  }, E2E_TEST_TIMEOUT_MS);

  it('removes a task deleted in the CRM from Exchange', async () => {
    const id = await e2e.crm.tasks.createOne({ subject: 'T4 obsolete', dueDate: day(7), responsibleUserId: await userId('bob') });
    await cycle();
    expect(await itemsNamed(e2e, BOB, 'tasks', 'T4 obsolete')).toHaveLength(1);

    await e2e.crm.tasks.delete(id);
    await cycle();
    expect(await itemsNamed(e2e, BOB, 'tasks', 'T4 obsolete')).toEqual([]);
    await quiet();
  }, E2E_TEST_TIMEOUT_MS);
});
