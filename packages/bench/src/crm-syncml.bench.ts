/**
 * SyncML throughput of CRM.interface, driven by the connector's client over real HTTP and a real
 * PostgreSQL: a 10,000-contact slow sync (with the Map of every record), a two-way sync carrying
 * 10,000 server changes, and 10,000 client changes written one-way. Prints items/s per phase and
 * the server process's peak RSS (VmHWM).   Run: pnpm --filter @connector/bench bench:crm
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CrmClient, MemoryAnchorStore } from '@connector/crm-client';
import { createCrmData, createDb, migrate, recordCodec } from '@connector/crm-interface';
import { createTokenSigner, generateKeyPair } from '@connector/crm-token';
import { freePort, isolatedDatabase } from '@connector/testing';

const COUNT = Number(process.env.BENCH_ITEMS ?? 10_000);
const USER = 'bench@demo.example';
const NATIVE = 'application/vnd.crm-exchange.contact+xml';

const database = await isolatedDatabase('bench_syncml');
const db = createDb(database.url, 4);
await migrate(db);
const data = createCrmData(db);
await data.users.upsertMany([{ login: USER, displayName: 'Bench' }]);
const actor = await data.users.actorFor(USER);
await db.transaction(async (tx) => {
  for (let i = 0; i < COUNT; i++) {
    await data.persons.insert(tx, {
      companyId: null, responsibleUserId: actor.userId, shared: true, contactType: null, salutation: null, title: null,
      firstName: `First${i}`, lastName: `Last${i}`, jobTitle: null, department: null, birthday: null, notes: 'n'.repeat(200),
      emails: [{ address: `p${i}@example.com`, kind: 'work' }], phones: [], addresses: [], customFields: {},
    });
  }
});

// The real service (services/crm-interface/src/main.ts) in its own process, so its RSS is its own.
const keys = generateKeyPair();
const port = await freePort();
const main = fileURLToPath(new URL('../../../services/crm-interface/src/main.ts', import.meta.url));
const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', main], {
  env: { ...process.env, DATABASE_URL: database.url, CRM_INTERFACE_PORT: String(port), CRM_INTERFACE_HOST: '127.0.0.1', CRM_TOKEN_PUBLIC_KEY: keys.publicKeyPem, LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'inherit', 'inherit'],
});
for (let ready = false; !ready; ) {
  ready = await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.ok, () => false);
  if (!ready) await new Promise((resolve) => setTimeout(resolve, 200));
}
const url = `http://127.0.0.1:${port}/syncml`;

const client = new CrmClient({ url, tokens: createTokenSigner({ key: { algorithm: 'ed25519', privateKey: keys.privateKeyPem } }), anchors: new MemoryAnchorStore() });
const figures: [string, number, number][] = [];
async function phase(name: string, items: number, run: () => Promise<void>): Promise<void> {
  const start = performance.now();
  await run();
  figures.push([name, items, performance.now() - start]);
}

await phase(`slow sync, ${COUNT} contacts server → client (incl. Map)`, COUNT, async () => {
  const read = await client.readChanges(USER, 'contacts');
  if (read.changes.length !== COUNT) throw new Error(`expected ${COUNT} changes, got ${read.changes.length}`);
  await read.complete(read.changes.map((c) => ({ recordId: c.recordId!, luid: `link-${c.recordId}` })));
});
await db.query(`UPDATE crm.person SET notes = 'changed ' || id`);
await phase(`two-way sync, ${COUNT} server changes → client`, COUNT, async () => {
  const read = await client.readChanges(USER, 'contacts');
  if (read.changes.length !== COUNT || read.slowSync) throw new Error(`expected ${COUNT} replaces, got ${read.changes.length}`);
  await read.complete([]);
});
const people = await data.persons.list(actor, { limit: 5_000 });
const more = people.length < COUNT ? await data.persons.list(actor, { afterId: people[people.length - 1]!.id, limit: 5_000 }) : [];
const targets = [...people, ...more].slice(0, COUNT);
await client.writeChanges(USER, 'contacts', []);
await phase(`one-way from client, ${COUNT} changes client → server`, COUNT, async () => {
  const items = targets.map((p) => ({ luid: `link-${p.id}`, op: 'replace' as const, recordId: p.id, payload: recordCodec.encode('contacts', { ...p, jobTitle: 'Bench' }, NATIVE) }));
  const results = await client.writeChanges(USER, 'contacts', items);
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) throw new Error(`${failed.length} writes failed, first: ${JSON.stringify(failed[0])}`);
});

const peakKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
child.kill('SIGTERM');
await db.pool.end();
await database.drop();

for (const [name, items, ms] of figures) {
  console.log(`${name.padEnd(56)} ${(ms / 1000).toFixed(1).padStart(7)} s  ${Math.round((items * 1000) / ms).toString().padStart(6)} items/s`);
}
console.log(`server peak RSS (VmHWM)${' '.repeat(34)}${(peakKb / 1024).toFixed(0).padStart(7)} MB`);
