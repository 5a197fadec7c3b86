import { describe, expect, it } from 'vitest';
import type { WriteItem, WriteItemResult } from '@connector/crm-client';
import { serialSessions } from './serial-sessions.adapter.js';

function recordingClient() {
  const open = new Map<string, number>();
  const log: string[] = [];
  let maxPerKey = 0;
  return {
    log,
    maxPerKey: () => maxPerKey,
    async writeChanges(user: string, datastore: string, items: readonly WriteItem[]): Promise<WriteItemResult[]> {
      const key = `${user}/${datastore}`;
      open.set(key, (open.get(key) ?? 0) + 1);
      maxPerKey = Math.max(maxPerKey, open.get(key)!);
      log.push(`start ${key}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      open.set(key, open.get(key)! - 1);
      if (items[0]?.luid === 'boom') throw new Error('CRM unavailable');
      return items.map((i) => ({ luid: i.luid, op: i.op, status: 201, ok: true }));
    },
  };
}

const item = (luid: string): WriteItem => ({ luid, op: 'add', payload: '<x/>' });

describe('serialSessions', () => {
  it('runs one session at a time per user and datastore, other pairs in parallel', async () => {
    const client = recordingClient();
    const crm = serialSessions(client);
    const results = await Promise.all([
      crm.writeChanges('ann', 'calendar', [item('a1')]),
      crm.writeChanges('ann', 'calendar', [item('a2')]),
      crm.writeChanges('ann', 'contacts', [item('c1')]),
      crm.writeChanges('bob', 'calendar', [item('b1')]),
    ]);
    expect(results.map((r) => r[0]!.luid)).toEqual(['a1', 'a2', 'c1', 'b1']);
    expect(client.maxPerKey()).toBe(1);
    // The three different pairs start at once; ann's second calendar session waits for the first.
    expect(client.log.slice(0, 3)).toEqual(['start ann/calendar', 'start ann/contacts', 'start bob/calendar']);
  });

  it('a failed session fails its own write only; the next one still runs', async () => {
    const crm = serialSessions(recordingClient());
    const [failed, next] = await Promise.allSettled([crm.writeChanges('ann', 'calendar', [item('boom')]), crm.writeChanges('ann', 'calendar', [item('a3')])]);
    expect(failed).toMatchObject({ status: 'rejected', reason: new Error('CRM unavailable') });
    expect(next).toMatchObject({ status: 'fulfilled', value: [{ luid: 'a3', ok: true }] });
  });
});
