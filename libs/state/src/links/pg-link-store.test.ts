import { afterAll, beforeAll } from 'vitest';
import { ManualClock } from '../clock.js';
import { PgConflictStore } from '../conflicts/pg-conflict-store.adapter.js';
import { PgHistoryStore } from '../history/pg-history-store.adapter.js';
import { migratedDatabase, type PgHarness } from '../test-support/pg-harness.test-support.js';
import { describeLinkStoreContract } from './link-store.contract.test-support.js';
import { PgLinkStore } from './pg-link-store.adapter.js';

let harness: PgHarness;
let store: PgLinkStore;
const clock = new ManualClock('2026-11-25T10:00:00.000Z');

beforeAll(async () => {
  harness = await migratedDatabase('links');
  store = new PgLinkStore({ pool: harness.pool, clock });
});
afterAll(() => harness.close());

describeLinkStoreContract('PostgreSQL', () => ({
  store,
  clock,
  history: new PgHistoryStore({ pool: harness.pool, clock }),
  conflicts: new PgConflictStore({ pool: harness.pool, clock }),
}));
