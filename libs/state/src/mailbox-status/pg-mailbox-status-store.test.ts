import { afterAll, beforeAll } from 'vitest';
import { ManualClock } from '../clock.js';
import { migratedDatabase, type PgHarness } from '../test-support/pg-harness.test-support.js';
import { RETRY_MS, SUSPEND_AFTER, describeMailboxStatusStoreContract } from './mailbox-status-store.contract.test-support.js';
import { PgMailboxStatusStore } from './pg-mailbox-status-store.adapter.js';

let harness: PgHarness;
const clock = new ManualClock('2026-11-25T10:00:00.000Z');
let store: PgMailboxStatusStore;

beforeAll(async () => {
  harness = await migratedDatabase('mailbox');
  store = new PgMailboxStatusStore({ pool: harness.pool, clock, suspendAfterFailures: SUSPEND_AFTER, suspendedRetryMs: RETRY_MS });
});
afterAll(() => harness.close());

describeMailboxStatusStoreContract('PostgreSQL', () => ({ store, clock }));
