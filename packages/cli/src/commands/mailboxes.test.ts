import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseConfig, cli, cliHarness, writeConfig, type CliHarness } from '../test-support/cli-harness.test-support.js';
import { changeJob } from '../test-support/fixtures.test-support.js';
import type { MailboxView } from './mailboxes.command.js';

let h: CliHarness;
beforeAll(async () => {
  h = await cliHarness('mailboxes');
});
afterAll(() => h.close());

describe('connector mailboxes', () => {
  it('shows each mailbox: synced, enabled or suspended, last cycles, conflicts and quarantine', async () => {
    await h.publishMailboxes(['alice@demo.example']);
    const { mailboxes, links, conflicts, quarantine } = h.state;
    await mailboxes.setEnabled('alice@demo.example', true);
    await mailboxes.recordCycle('alice@demo.example', 'appointment', {
      cycleId: 'c1',
      startedAt: '2026-11-25T10:00:00Z',
      finishedAt: '2026-11-25T10:00:05Z',
      counts: { createdInCrm: 3, updatedInExchange: 1 },
    });
    const { link } = await links.createOrGetLink({ mailbox: 'alice@demo.example', objectType: 'appointment', exchange: { itemId: 'E1', changeKey: '1' }, state: 'active' });
    await conflicts.recordConflict({ linkId: link.id, field: 'subject', policy: 'crm-wins', winner: 'crm' });
    await quarantine.quarantine({ mailbox: 'alice@demo.example', objectType: 'appointment', side: 'exchange', sourceId: 'E2', errorCode: 'ITEM_INVALID', reason: 'bad', payload: changeJob('alice@demo.example', 'E2') });
    await mailboxes.setEnabled('bob@demo.example', true);
    for (let i = 0; i < 2; i++) await mailboxes.recordAccessFailure('bob@demo.example', { code: 'EXCHANGE_AUTH_FAILED', message: 'access denied' });

    const run = await h.run('--json', 'mailboxes');
    expect(run.code).toBe(0);
    const views = run.json<{ mailboxes: MailboxView[] }>().mailboxes;
    expect(views.map((v) => v.smtp)).toEqual(['alice@demo.example', 'bob@demo.example']);
    const [alice, bob] = views;
    expect(alice).toMatchObject({ crmUser: 'alice', synced: true, enabled: true, suspended: false, openConflicts: 1, quarantined: 1 });
    expect(alice!.cycles).toEqual([expect.objectContaining({ objectType: 'appointment', counts: expect.objectContaining({ createdInCrm: 3, updatedInExchange: 1, errors: 0 }) })]);
    expect(bob).toMatchObject({ synced: false, enabled: true, suspended: true, suspendedReason: expect.stringContaining('access denied'), consecutiveFailures: 2 });
    expect(bob!.nextRetryAt).toBeDefined();

    const text = await h.run('mailboxes');
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('alice@demo.example (CRM user alice)');
    expect(text.stdout).toMatch(/appointment +last cycle 2026-11-25T10:00:05.000Z: CRM \+3 ~0 -0, Exchange \+0 ~1 -0, errors 0/);
    expect(text.stdout).toMatch(/bob@demo.example[\s\S]*synced: no; SUSPENDED since .* \(.*access denied.*\), next retry /);
  });

  it('exits 1 when the database cannot be reached', async () => {
    const path = writeConfig(baseConfig({ database: { url: 'postgres://postgres@127.0.0.1:1/none' }, redis: { url: 'redis://127.0.0.1:1' } }));
    const run = await cli(['--json', 'mailboxes', '--config', path]);
    expect(run.code).toBe(1);
    expect(run.json()).toMatchObject({ error: 'RUNTIME_FAILURE' });
  });
});
