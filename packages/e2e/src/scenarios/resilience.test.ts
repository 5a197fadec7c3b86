import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PgState } from '@connector/state';
import { E2E_HOOK_TIMEOUT_MS, startE2eSystem, type E2eSystem } from '../harness/e2e-system.js';
import { until } from '../harness/until.js';
import { START_TIMEOUT_MS, activitiesNamed, at, exchangeWrites, itemsNamed, loseRedis, openLinkStore } from './scenario.test-support.js';

const GUS = 'gus@e2e.example'; // the writer killed mid-create
const HAL = 'hal@e2e.example'; // Redis lost
const IVY = 'ivy@e2e.example'; // an invalid item

// BullMQ hands a killed writer's job to another worker only after its lock (10 s) expires; a loaded machine adds the restart.
const AFTER_STALLED_LOCK_MS = 90_000;

describe('faults: a killed writer, a lost Redis, an invalid item', () => {
  let e2e: E2eSystem;
  let state: PgState;
  const userId = (login: string) => e2e.crm.users.userId(login);

  beforeAll(async () => {
    e2e = await startE2eSystem({
      label: 'resilience',
      launcher: { startTimeoutMs: START_TIMEOUT_MS },
      mailboxes: [
        { smtp: GUS, crmUser: 'gus' },
        { smtp: HAL, crmUser: 'hal' },
        { smtp: IVY, crmUser: 'ivy' },
      ],
    });
    state = await openLinkStore(e2e);
  }, E2E_HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await e2e?.exchange.clearFaults();
    await state?.close();
    await e2e?.close();
  }, E2E_HOOK_TIMEOUT_MS);

  it('creates the item once when the exchange-writer dies after CreateItem and before saving the link', async () => {
    await e2e.crm.activities.createOne({ kind: 'visit', subject: 'G1 survives a crash', startAt: at(6, 9), endAt: at(6, 10), responsibleUserId: await userId('gus') });
    // The CreateItem is held 5 s by the simulator, then applied: the writer is killed while it waits.
    // Its look-up by link id (FindItem) comes right before the CreateItem.
    await e2e.exchange.setFaults({ rules: [{ operation: 'CreateItem', mailbox: GUS, kind: 'timeout', latencyMs: 5_000, times: 1 }] });
    const since = new Date().toISOString();
    const createsBefore = (await exchangeWrites(e2e, GUS)).creates;
    await e2e.cycles.syncNow({ mailbox: GUS, type: 'appointment' });
    await until(async () => (await e2e.exchange.log({ operation: 'FindItem', mailbox: GUS, since })).length > 0, 'the writer looking for a half-done create', { timeoutMs: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await e2e.system.kill('exchange-writer');
    await until(async () => (await exchangeWrites(e2e, GUS)).creates > createsBefore, 'the held CreateItem applied', { timeoutMs: 30_000 });
    // The crash window: the item exists, its link does not know it yet.
    expect((await state.links.listLinks(GUS, 'appointment')).links.map((l) => l.exchange ?? null)).toEqual([null]);
    await e2e.exchange.clearFaults();
    await e2e.system.restart('exchange-writer');

    await e2e.runCycle({ mailbox: GUS, type: 'appointment' }, { timeoutMs: AFTER_STALLED_LOCK_MS });
    expect(await itemsNamed(e2e, GUS, 'calendar', 'G1 survives a crash')).toHaveLength(1);
    expect((await exchangeWrites(e2e, GUS)).creates).toBe(createsBefore + 1);
    await e2e.assertQuietCycle({ mailbox: GUS, type: 'appointment' });
  }, 180_000);

  it('converges without duplicates after the Redis keys (queues and cursors) are lost', async () => {
    await e2e.crm.activities.createOne({ kind: 'visit', subject: 'H1 from the CRM', startAt: at(4, 9), endAt: at(4, 10), responsibleUserId: await userId('hal') });
    await e2e.exchange.seedItems(HAL, [{ kind: 'calendar', fields: { Subject: 'H2 from Outlook', Start: at(4, 11), End: at(4, 12) } }]);
    await e2e.runCycle({ mailbox: HAL, type: 'appointment' });
    expect(await itemsNamed(e2e, HAL, 'calendar', 'H1 from the CRM')).toHaveLength(1);
    expect(await activitiesNamed(e2e, 'hal', 'H2 from Outlook')).toHaveLength(1);

    await loseRedis(e2e);
    await e2e.runCycle({ mailbox: HAL, type: 'appointment' });
    expect(await itemsNamed(e2e, HAL, 'calendar', 'H1 from the CRM')).toHaveLength(1);
    expect(await itemsNamed(e2e, HAL, 'calendar', 'H2 from Outlook')).toHaveLength(1);
    expect(await activitiesNamed(e2e, 'hal', 'H1 from the CRM')).toHaveLength(1);
    expect(await activitiesNamed(e2e, 'hal', 'H2 from Outlook')).toHaveLength(1);
    await e2e.assertQuietCycle({ mailbox: HAL, type: 'appointment' });
  }, 90_000);

  it('quarantines an invalid Exchange item with its reason and syncs the rest of the mailbox', async () => {
    await e2e.exchange.seedItems(IVY, [
      // Exchange refuses an end before the start; an attendee known only by a legacy X.500 address it keeps.
      { kind: 'calendar', fields: { Subject: 'I1 legacy attendee', Start: at(5, 9), End: at(5, 10), RequiredAttendees: [{ email: '/o=Contoso/ou=Exchange/cn=Recipients/cn=room1', name: 'Room 1' }] } },
      { kind: 'calendar', fields: { Subject: 'I2 fine', Start: at(5, 11), End: at(5, 12) } },
    ]);
    await e2e.runCycle({ mailbox: IVY, type: 'appointment' });
    expect(await activitiesNamed(e2e, 'ivy', 'I2 fine')).toHaveLength(1);
    expect(await activitiesNamed(e2e, 'ivy', 'I1 legacy attendee')).toEqual([]);
    const quarantined = await state.quarantine.listQuarantine(IVY);
    expect(quarantined).toEqual([expect.objectContaining({ objectType: 'appointment', side: 'exchange', reason: expect.stringMatching(/attendees.*address/i) })]);
    await e2e.assertQuietCycle({ mailbox: IVY, type: 'appointment' });
  }, 90_000);
});
