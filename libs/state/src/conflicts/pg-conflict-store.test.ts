import { afterAll, beforeAll } from 'vitest';
import { ManualClock } from '../clock.js';
import { PgLinkStore } from '../links/pg-link-store.adapter.js';
import { migratedDatabase, type PgHarness } from '../test-support/pg-harness.test-support.js';
import { describeConflictStoreContract } from './conflict-store.contract.test-support.js';
import { PgConflictStore } from './pg-conflict-store.adapter.js';

let harness: PgHarness;
const clock = new ManualClock('2026-11-25T10:00:00.000Z');
let conflicts: PgConflictStore;
let links: PgLinkStore;

beforeAll(async () => {
  harness = await migratedDatabase('conflicts');
  conflicts = new PgConflictStore({ pool: harness.pool, clock });
  links = new PgLinkStore({ pool: harness.pool, clock });
});
afterAll(() => harness.close());

describeConflictStoreContract('PostgreSQL', () => ({ conflicts, links, clock }));
