import { afterAll, beforeAll } from 'vitest';
import { ManualClock } from '../clock.js';
import { migratedDatabase, type PgHarness } from '../test-support/pg-harness.test-support.js';
import { PgQuarantineStore } from './pg-quarantine-store.adapter.js';
import { describeQuarantineStoreContract } from './quarantine-store.contract.test-support.js';

let harness: PgHarness;
const clock = new ManualClock('2026-11-25T10:00:00.000Z');
let store: PgQuarantineStore;

beforeAll(async () => {
  harness = await migratedDatabase('quarantine');
  store = new PgQuarantineStore({ pool: harness.pool, clock });
});
afterAll(() => harness.close());

describeQuarantineStoreContract('PostgreSQL', () => ({ store, clock }));
