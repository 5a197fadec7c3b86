import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedDatabase, type IsolatedDatabase } from '@connector/testing';
import { openPgState } from './open-pg-state.js';

let db: IsolatedDatabase;
beforeAll(async () => {
  db = await isolatedDatabase('open');
});
afterAll(() => db.drop());

describe('openPgState', () => {
  it('migrates and wires every store on one pool, with the error policy from config', async () => {
    const state = await openPgState({ url: db.url, suspendAfterFailures: 1 });
    try {
      const { link } = await state.links.createOrGetLink({ mailbox: 'a@demo.example', objectType: 'task', crm: { recordId: '1', version: '1' }, state: 'pending-exchange' });
      await state.history.recordHistory({ linkId: link.id, mailbox: 'a@demo.example', objectType: 'task', origin: 'crm', rule: 'new task', action: 'CreateInExchange', outcome: 'decided' });
      expect(await state.history.historyFor({ linkId: link.id })).toHaveLength(1);
      expect((await state.mailboxes.recordAccessFailure('a@demo.example', { code: 'X', message: 'y' })).suspended).toBe(true);
    } finally {
      await state.close();
    }
  });

  it('closes its pool when the database cannot be migrated', async () => {
    const url = new URL(db.url);
    url.pathname = '/no_such_database_here';
    await expect(openPgState({ url: url.toString() })).rejects.toThrow(/does not exist/);
  });
});
