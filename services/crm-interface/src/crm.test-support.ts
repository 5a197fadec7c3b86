import { isolatedDatabase, type IsolatedDatabase } from '@connector/testing';
import { createDb, type Db } from './db/database.js';
import { migrate } from './db/migrate.js';
import { createCrmData, type CrmData } from './repositories/crm-data.js';
import type { Actor } from './repositories/rights.js';

export interface TestCrm {
  database: IsolatedDatabase;
  db: Db;
  data: CrmData;
  /** North: alice, bob. South: dave. No group: erin. */
  alice: Actor;
  bob: Actor;
  dave: Actor;
  erin: Actor;
  close(): Promise<void>;
}

/** A migrated CRM database of its own with four users, for one test file. */
export async function createTestCrm(label: string): Promise<TestCrm> {
  const database = await isolatedDatabase(label);
  const db = createDb(database.url, 6);
  await migrate(db);
  const data = createCrmData(db, { documents: { chunkSize: 128 * 1024 } });
  await data.users.upsertMany([
    { login: 'alice@demo.example', displayName: 'Alice', salesGroup: 'North' },
    { login: 'bob@demo.example', displayName: 'Bob', salesGroup: 'North' },
    { login: 'dave@demo.example', displayName: 'Dave', salesGroup: 'South' },
    { login: 'erin@demo.example', displayName: 'Erin' },
  ]);
  const [alice, bob, dave, erin] = await Promise.all(
    ['alice', 'bob', 'dave', 'erin'].map((name) => data.users.actorFor(`${name}@demo.example`)),
  );
  return {
    database,
    db,
    data,
    alice: alice!,
    bob: bob!,
    dave: dave!,
    erin: erin!,
    async close() {
      await db.pool.end();
      await database.drop();
    },
  };
}
