import { afterAll, beforeAll } from 'vitest';
import { ManualClock } from '../clock.js';
import { PgLinkStore } from '../links/pg-link-store.adapter.js';
import { migratedDatabase, type PgHarness } from '../test-support/pg-harness.test-support.js';
import { describeHistoryStoreContract } from './history-store.contract.test-support.js';
import { PgHistoryStore } from './pg-history-store.adapter.js';

let harness: PgHarness;
const clock = new ManualClock('2026-11-25T10:00:00.000Z');
let history: PgHistoryStore;
let links: PgLinkStore;

beforeAll(async () => {
  harness = await migratedDatabase('history');
  history = new PgHistoryStore({ pool: harness.pool, clock });
  links = new PgLinkStore({ pool: harness.pool, clock });
});
afterAll(() => harness.close());

describeHistoryStoreContract('PostgreSQL', () => ({ history, links, clock }));
