import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { E2E_HOOK_TIMEOUT_MS, startE2eSystem, type E2eSystem } from '../harness/e2e-system.js';
import { until } from '../harness/until.js';
import { START_TIMEOUT_MS, at } from '../scenarios/scenario.test-support.js';

const ANN = 'ann@e2e.example';
const BEN = 'ben@e2e.example'; // exists on both sides, but the config does not list him at first

describe('hot config reload', () => {
  let e2e: E2eSystem;
  const syncedMailboxes = async () =>
    ((await (await fetch(`${e2e.system.urls.scheduler}/mailboxes`)).json()) as { mailboxes: { smtp: string }[] }).mailboxes.map((m) => m.smtp);
  const subjects = async (smtp: string) => (await e2e.exchange.items(smtp, 'calendar')).map((i) => i.fields.Subject);
  const appointmentFor = async (login: string, subject: string) =>
    e2e.crm.activities.createOne({ kind: 'appointment', subject, startAt: at(3, 9), endAt: at(3, 10), responsibleUserId: await e2e.crm.users.userId(login) });

  beforeAll(async () => {
    e2e = await startE2eSystem({
      label: 'reload',
      launcher: { startTimeoutMs: START_TIMEOUT_MS },
      mailboxes: [{ smtp: ANN, crmUser: 'ann', displayName: 'Ann Archer' }],
      seed: async ({ exchange, crm }) => {
        await exchange.createMailbox({ smtp: BEN, password: 'ben-password', displayName: 'Ben Baker' });
        await crm.users.upsert([{ login: 'ben', displayName: 'Ben Baker', email: BEN, syncEnabled: true }]);
      },
    });
  }, E2E_HOOK_TIMEOUT_MS);
  afterAll(async () => {
    await e2e?.close();
  }, E2E_HOOK_TIMEOUT_MS);

  it('syncs a mailbox added to the config file without a restart, and keeps the old config when the new file is broken', async () => {
    const path = e2e.system.configPath;
    const original = readFileSync(path, 'utf8');
    expect(await syncedMailboxes()).toEqual([ANN]);
    await appointmentFor('ben', 'Ben after reload');

    const config = parse(original) as { mailboxes: { list: { crmUser: string; smtp: string }[] } };
    config.mailboxes.list.push({ crmUser: 'ben', smtp: BEN });
    writeFileSync(path, stringify(config));
    await until(async () => (await syncedMailboxes()).includes(BEN), 'the scheduler to list the added mailbox');
    await e2e.runCycle({ mailbox: BEN, type: 'appointment' });
    expect(await subjects(BEN)).toContain('Ben after reload');

    const withBen = readFileSync(path, 'utf8');
    writeFileSync(path, `${withBen}\nrules:\n  calendar: { enabled: true }\n`);
    // The services poll the file every second; give them time to read and reject it.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(e2e.system.unexpectedExits()).toEqual([]);
    expect((await syncedMailboxes()).sort()).toEqual([ANN, BEN]);
    await appointmentFor('ann', 'Ann under the old config');
    await e2e.runCycle({ mailbox: ANN, type: 'appointment' });
    expect(await subjects(ANN)).toContain('Ann under the old config');
    await e2e.assertQuietCycle();
  });
});
