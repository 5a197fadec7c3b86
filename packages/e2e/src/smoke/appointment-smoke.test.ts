import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_HOOK_TIMEOUT_MS, E2E_TEST_TIMEOUT_MS, startE2eSystem, type E2eSystem } from '../harness/e2e-system.js';

const ANN = 'ann@e2e.example';

function nextWeekAt(hourUtc: number): string {
  const day = new Date(Date.now() + 7 * 86_400_000);
  day.setUTCHours(hourUtc, 0, 0, 0);
  return day.toISOString().replace('.000Z', 'Z');
}

// The whole system: both simulators and all six pipeline services as processes.
describe('smoke: a CRM appointment reaches the Exchange calendar', () => {
  let e2e: E2eSystem;
  beforeAll(async () => {
    e2e = await startE2eSystem({ label: 'smoke', mailboxes: [{ smtp: ANN, crmUser: 'ann', displayName: 'Ann Archer' }] });
  }, E2E_HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await e2e?.close();
  }, E2E_HOOK_TIMEOUT_MS);

  it('creates it in the mailbox in one cycle, and the next cycle writes nothing', async () => {
    const ann = await e2e.crm.users.userId('ann');
    const [startAt, endAt] = [nextWeekAt(9), nextWeekAt(10)];
    await e2e.crm.activities.createOne({ kind: 'appointment', subject: 'Smoke visit', location: 'Customer HQ', startAt, endAt, responsibleUserId: ann });

    const before = (await e2e.exchange.stats()).writes[ANN] ?? { creates: 0, updates: 0, deletes: 0 };
    await e2e.runCycle({ mailbox: ANN, type: 'appointment' });

    const calendar = await e2e.exchange.items(ANN, 'calendar');
    expect(calendar.filter((item) => item.fields.Subject === 'Smoke visit')).toEqual([
      expect.objectContaining({ fields: expect.objectContaining({ Start: startAt, End: endAt, Location: 'Customer HQ' }) }),
    ]);
    const after = (await e2e.exchange.stats()).writes[ANN]!;
    expect({ creates: after.creates - before.creates, updates: after.updates - before.updates, deletes: after.deletes - before.deletes })
      .toEqual({ creates: 1, updates: 0, deletes: 0 });
    await e2e.assertQuietCycle();
  }, E2E_TEST_TIMEOUT_MS);
});
