import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '@connector/state';
import { cliHarness, type CliHarness } from '../test-support/cli-harness.test-support.js';

let h: CliHarness;
let linkId: string;
beforeAll(async () => {
  h = await cliHarness('history');
  const { link } = await h.state.links.createOrGetLink({ mailbox: 'alice@demo.example', objectType: 'appointment', exchange: { itemId: 'E1', changeKey: '1' }, crm: { recordId: 'R1', version: '1' }, state: 'active' });
  linkId = link.id;
  const base = { mailbox: 'alice@demo.example', objectType: 'appointment' as const };
  await h.state.history.recordHistory({ ...base, origin: 'exchange', exchangeItemId: 'E1', rule: 'new Exchange appointment', action: 'CreateInCrm', outcome: 'decided' });
  await h.state.history.recordHistory({ ...base, linkId, origin: 'crm', crmRecordId: 'R1', rule: 'subject changed in the CRM', action: 'UpdateExchangeFromCrm', outcome: 'applied' });
  await h.state.history.recordHistory({ ...base, origin: 'exchange', exchangeItemId: 'OTHER', rule: 'x', action: 'Skip', outcome: 'skipped' });
});
afterAll(() => h.close());

describe('connector history', () => {
  it('lists every decision about the item however it is named', async () => {
    for (const args of [[linkId], ['--exchange-id', 'E1', '--mailbox', 'alice@demo.example', '--type', 'appointment'], ['--crm-id', 'R1', '--mailbox', 'alice@demo.example', '--type', 'appointment']]) {
      const run = await h.run('--json', 'history', ...args);
      expect(run.code).toBe(0);
      const entries = run.json<{ entries: HistoryEntry[] }>().entries;
      expect(entries.map((e) => e.action)).toEqual(['CreateInCrm', 'UpdateExchangeFromCrm']);
    }
    const text = await h.run('history', linkId);
    expect(text.stdout).toMatch(/alice@demo.example appointment from exchange: CreateInCrm decided \(new Exchange appointment\)/);
    expect(text.stdout).toMatch(/from crm: UpdateExchangeFromCrm applied \(subject changed in the CRM\)/);
  });

  it('exits 3 for an item without history and 2 for an ambiguous or incomplete reference', async () => {
    expect((await h.run('history', '00000000-0000-0000-0000-000000000000')).code).toBe(3);
    expect((await h.run('history', '--exchange-id', 'NOPE', '--mailbox', 'alice@demo.example', '--type', 'appointment')).code).toBe(3);
    expect((await h.run('history', linkId, '--crm-id', 'R1')).code).toBe(2);
    expect((await h.run('history', '--crm-id', 'R1')).code).toBe(2);
    expect((await h.run('history', '--crm-id', 'R1', '--mailbox', 'alice@demo.example', '--type', 'meeting')).code).toBe(2);
    expect((await h.run('history')).code).toBe(2);
  });
});
