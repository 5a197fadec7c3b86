import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliHarness, type CliHarness } from '../test-support/cli-harness.test-support.js';

// The dry run against the real simulators is tested in packages/e2e/src/cli; here, what needs neither side.
let h: CliHarness;
beforeAll(async () => {
  h = await cliHarness('plan');
  await h.publishMailboxes(['alice@demo.example']);
});
afterAll(() => h.close());

describe('connector plan', () => {
  it('reports a mailbox/type it cannot read and exits 4 (partial), leaving the cursors alone', async () => {
    const run = await h.run('--json', 'plan', '--mailbox', 'alice@demo.example', '--type', 'appointment');
    expect(run.code).toBe(4);
    const out = JSON.parse(run.stdout) as { dryRun: boolean; plans: Array<{ objectType: string; sides: string[]; error?: string }> };
    expect(out.dryRun).toBe(true);
    expect(out.plans).toEqual([expect.objectContaining({ objectType: 'appointment', sides: ['crm', 'exchange'], error: expect.any(String) })]);
    expect(await h.redis.client.keys(`${h.redis.prefix}:cursor:*`)).toEqual([]);
    const text = await h.run('plan', '--mailbox', 'alice@demo.example', '--type', 'appointment');
    expect(text.stdout).toMatch(/alice@demo.example appointment: could not plan: /);
  });

  it('exits 3 for a mailbox that is not synced and 2 for an unknown type', async () => {
    expect((await h.run('plan', '--mailbox', 'carl@demo.example')).code).toBe(3);
    expect((await h.run('plan', '--type', 'meeting')).code).toBe(2);
  });
});
