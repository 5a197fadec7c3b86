/*
 * Measures what the README reports: seeding 100 mailboxes × 10,000 items through the admin API
 * (time, RSS) and GetItem / SyncFolderItems throughput over HTTP. Run: pnpm --filter @connector/exchange-sim bench
 */
import { Agent, request } from 'node:http';
import { buildApp } from '../src/app.js';

const MAILBOXES = Number(process.env.BENCH_MAILBOXES ?? 100);
const ITEMS = Number(process.env.BENCH_ITEMS ?? 10_000);
const BATCH = 5_000;
const NS = 'xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types"';

const app = await buildApp({ adminKey: 'bench' });
await app.listen({ port: 0, host: '127.0.0.1' });
const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const admin = (path: string, body: unknown) =>
  fetch(`${url}/admin${path}`, { method: 'POST', headers: { 'x-admin-key': 'bench', 'content-type': 'application/json' }, body: JSON.stringify(body) });

const item = (m: number, i: number) => {
  const kind = ['message', 'calendar', 'contact', 'task'][i % 4]!;
  const start = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
  const fields: Record<string, Record<string, unknown>> = {
    message: { Subject: `Mail ${i}`, From: { email: `sender${i}@x.example` }, ToRecipients: [{ email: `user${m}@bench.example` }], Body: { type: 'Text', value: 'Hello '.repeat(20) } },
    calendar: { Subject: `Meeting ${i}`, Start: start, End: new Date(Date.parse(start) + 3_600_000).toISOString(), Location: 'Room 1' },
    contact: { GivenName: `Given${i}`, Surname: `Sur${i}`, CompanyName: 'Corp', EmailAddresses: { EmailAddress1: `c${i}@x.example` } },
    task: { Subject: `Task ${i}`, DueDate: start, Status: 'NotStarted' },
  };
  return { kind, fields: fields[kind] };
};

const seedStart = Date.now();
for (let m = 0; m < MAILBOXES; m++) {
  await admin('/mailboxes', { smtp: `user${m}@bench.example`, password: 'pass' });
  for (let b = 0; b < ITEMS; b += BATCH) {
    const res = await admin(`/mailboxes/user${m}@bench.example/items`, { folder: undefined, items: Array.from({ length: Math.min(BATCH, ITEMS - b) }, (_, i) => item(m, b + i)) });
    if (res.status !== 201) throw new Error(`seed failed: ${await res.text()}`);
  }
}
const seedMs = Date.now() - seedStart;
global.gc?.();
const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
console.log(`seeded ${MAILBOXES} × ${ITEMS} items in ${(seedMs / 1000).toFixed(1)} s (${Math.round((MAILBOXES * ITEMS) / (seedMs / 1000))} items/s), RSS ${rssMb} MB`);

const ids = [...app.sim.store.items.keys()].filter((_, i) => i % 97 === 0).slice(0, 5000);
const auth = `Basic ${Buffer.from('user0@bench.example:pass').toString('base64')}`;
const envelope = (body: string) =>
  `<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header><t:RequestServerVersion xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" Version="Exchange2013_SP1"/></soap:Header><soap:Body>${body}</soap:Body></soap:Envelope>`;

// node:http with a keep-alive agent: Node 20's fetch costs several ms per request itself.
const agent = new Agent({ keepAlive: true, maxSockets: 64 });
const { port } = new URL(url);
function post(xml: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/EWS/Exchange.asmx', method: 'POST', agent, headers: { authorization: auth, 'content-type': 'text/xml', 'content-length': Buffer.byteLength(xml) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(xml);
  });
}

async function throughput(name: string, body: (n: number) => string, seconds = 5, concurrency = 16): Promise<void> {
  let done = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(Array.from({ length: concurrency }, async (_, w) => {
    for (let n = w; Date.now() < until; n += concurrency) {
      const status = await post(envelope(body(n)));
      if (status !== 200) throw new Error(`${name}: HTTP ${status}`);
      done++;
    }
  }));
  console.log(`${name}: ${Math.round(done / seconds)} requests/s (concurrency ${concurrency})`);
}

// svc-style access: the bench user reads items of every mailbox, so give it the right.
app.sim.store.mailbox('user0@bench.example')!.canImpersonate = true;
// Measure the steady state: right after seeding V8 is still marking the whole heap.
global.gc?.();
await throughput('warm-up', (n) => `<m:GetItem ${NS}><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:ItemIds><t:ItemId Id="${ids[n % ids.length]}"/></m:ItemIds></m:GetItem>`, 3);
await throughput('GetItem (1 item, AllProperties)', (n) => `<m:GetItem ${NS}><m:ItemShape><t:BaseShape>AllProperties</t:BaseShape></m:ItemShape><m:ItemIds><t:ItemId Id="${ids[n % ids.length]}"/></m:ItemIds></m:GetItem>`);
await throughput('GetItem (50 items, Default)', (n) => `<m:GetItem ${NS}><m:ItemShape><t:BaseShape>Default</t:BaseShape></m:ItemShape><m:ItemIds>${Array.from({ length: 50 }, (_, k) => `<t:ItemId Id="${ids[(n * 50 + k) % ids.length]}"/>`).join('')}</m:ItemIds></m:GetItem>`);
await throughput('SyncFolderItems (initial, 512 changes, IdOnly)', () => `<m:SyncFolderItems ${NS}><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:SyncFolderId><t:DistinguishedFolderId Id="inbox"/></m:SyncFolderId><m:MaxChangesReturned>512</m:MaxChangesReturned></m:SyncFolderItems>`, 5, 4);
agent.destroy();
await app.close();
