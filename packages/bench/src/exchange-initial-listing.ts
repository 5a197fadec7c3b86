/**
 * Items/s of the gateway's initial listing of a 10,000-item mailbox (SyncFolderItems pages of 512 +
 * GetItem batches through ews-javascript-api), with a CPU profile of this process split into
 * ews-javascript-api XML parsing vs. the rest. The simulator runs in a child process, so neither
 * its CPU time nor its samples are counted here.
 *
 *   pnpm --filter @connector/bench bench:exchange [--items 10000] [--batch 100] [--type email|appointment]
 */
import { Session } from 'node:inspector/promises';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

interface Args {
  items: number;
  batch: number;
  type: 'email' | 'appointment';
  mimeMb: number;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i === -1 ? undefined : argv[i + 1];
  };
  const type = get('type') ?? 'email';
  if (type !== 'email' && type !== 'appointment') throw new Error('--type must be email or appointment');
  return { items: Number(get('items') ?? 10_000), batch: Number(get('batch') ?? 100), type, mimeMb: Number(get('mime-mb') ?? 10) };
}

const MAILBOX = 'bench@contoso.example';
const SERVICE = 'svc-bench@contoso.example';
const ADMIN_KEY = 'bench-admin';

function seedItem(type: Args['type'], i: number) {
  const day = new Date(Date.UTC(2026, 0, 5) + (i % 300) * 86_400_000).toISOString().slice(0, 10);
  if (type === 'appointment') {
    return {
      kind: 'calendar',
      fields: {
        Subject: `Customer visit ${i}`, Start: `${day}T09:00:00Z`, End: `${day}T10:30:00Z`, Location: `Room ${i % 40}`,
        StartTimeZone: { id: 'W. Europe Standard Time' }, Body: { type: 'Text', text: `Agenda for visit ${i}: pricing, delivery, next steps.` },
        RequiredAttendees: [{ email: `dana${i % 97}@customer.example`, name: `Dana ${i % 97}`, response: 'Accept' }],
      },
    };
  }
  return {
    kind: 'message',
    fields: {
      Subject: `Order confirmation ${i}`, InternetMessageId: `<order-${i}@shop.example>`, From: { email: `sales${i % 50}@shop.example`, name: `Sales ${i % 50}` },
      ToRecipients: [{ email: MAILBOX, name: 'Bench User' }], CcRecipients: [{ email: `team${i % 7}@contoso.example` }],
      Body: { type: 'HTML', text: `<p>Dear customer,</p><p>your order ${i} has shipped.</p>` }, DateTimeReceived: `${day}T08:15:00Z`,
    },
  };
}

/** Child side: the simulator, seeded, answering on a free port. */
async function runSimulator(): Promise<void> {
  const { buildApp } = await import('@connector/exchange-sim');
  const args = JSON.parse(process.env.BENCH_ARGS ?? '{}') as Args;
  const app = await buildApp({ adminKey: ADMIN_KEY });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  const admin = (path: string, body: unknown) =>
    fetch(`http://127.0.0.1:${port}/admin${path}`, { method: 'POST', headers: { 'x-admin-key': ADMIN_KEY, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  await admin('/mailboxes', { smtp: SERVICE, password: 'bench-pass', canImpersonate: true });
  await admin('/mailboxes', { smtp: MAILBOX, password: 'user-pass' });
  for (let i = 0; i < args.items; i += 1000) {
    const items = Array.from({ length: Math.min(1000, args.items - i) }, (_, k) => seedItem(args.type, i + k));
    const res = await admin(`/mailboxes/${MAILBOX}/items`, { folder: args.type === 'email' ? 'inbox' : 'calendar', items });
    if (res.status !== 201) throw new Error(`seeding failed: ${res.status} ${await res.text()}`);
  }
  process.send?.({ port });
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  hitCount?: number;
}

/** Which part of the work a sampled frame belongs to. */
function category(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (!url) return functionName === '(garbage collector)' ? 'garbage collection' : functionName === '(idle)' ? 'idle (waiting for the server)' : 'V8/native (program)';
  if (url.includes('@xmldom')) return 'ews-javascript-api XML parsing';
  if (url.includes('ews-javascript-api') && (/ExtensionMethods\.js|EwsServiceXmlReader|EwsXmlReader/.test(url) || /xml2Js|parseXMLNode/.test(functionName))) return 'ews-javascript-api XML parsing';
  if (url.includes('EwsServiceXmlWriter')) return 'ews-javascript-api request XML writing';
  if (url.includes('ews-javascript-api')) return 'ews-javascript-api object model (load, property bags)';
  if (url.includes('moment')) return 'moment / moment-timezone (library DateTime)';
  if (url.includes('/zod/')) return 'domain validation (zod)';
  if (url.includes('libs/exchange/src')) return 'gateway code (mapping, transport)';
  if (url.startsWith('node:')) return 'node internals (http, streams, zlib)';
  return 'other';
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const child = fork(fileURLToPath(import.meta.url), [], { env: { ...process.env, BENCH_ROLE: 'simulator', BENCH_ARGS: JSON.stringify(args) } });
  const seedStart = performance.now();
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  console.log(`seeded ${args.items} ${args.type} items in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  const { EwsGateway, initialListing } = await import('@connector/exchange');
  let bytesIn = 0;
  let requests = 0;
  const gateway = new EwsGateway({
    url: `http://127.0.0.1:${port}/EWS/Exchange.asmx`,
    auth: { kind: 'basic', username: SERVICE, password: 'bench-pass' },
    batchSize: args.batch,
    hooks: { onExchange: (e) => ((bytesIn += Buffer.byteLength(e.response)), (requests += 1)) },
  });
  const folder = await gateway.resolveFolder(MAILBOX, args.type === 'email' ? '/<inbox>' : '/<calendar>');

  for (const label of ['cold (JIT warm-up)', 'warm-up 2', 'warm, unprofiled']) {
    const plain = performance.now();
    let plainCount = 0;
    await initialListing(gateway, MAILBOX, args.type, folder.folderId, (page) => (plainCount += page.length));
    const plainMs = performance.now() - plain;
    console.log(`${label.padEnd(20)} ${plainCount} items in ${(plainMs / 1000).toFixed(2)} s = ${Math.round(plainCount / (plainMs / 1000))} items/s`);
  }
  bytesIn = 0;
  requests = 0;

  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  let count = 0;
  let failed = 0;
  await initialListing(gateway, MAILBOX, args.type, folder.folderId, (page) => {
    for (const r of page) {
      if (r.ok) count += 1;
      else failed += 1;
    }
  });
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuStart);
  const { profile } = (await session.post('Profiler.stop')) as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } };
  session.disconnect();

  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const byCategory = new Map<string, number>();
  for (const node of profile.nodes) byCategory.set(category(node), (byCategory.get(category(node)) ?? 0) + (selfMs.get(node.id) ?? 0));
  const busy = [...byCategory.entries()].filter(([k]) => !k.startsWith('idle')).reduce((n, [, v]) => n + v, 0);

  console.log(`${'warm, profiled'.padEnd(20)} ${count} ${args.type} items (${failed} failed) in ${(wallMs / 1000).toFixed(2)} s = ${Math.round(count / (wallMs / 1000))} items/s`);
  console.log(`requests ${requests}, received ${(bytesIn / 1e6).toFixed(1)} MB (${Math.round(bytesIn / Math.max(1, count))} B/item), GetItem batch ${args.batch}`);
  console.log(`client CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms = ${((cpu.user + cpu.system) / 1000 / count).toFixed(3)} core-ms/item; RSS ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB`);
  console.log('\nclient CPU profile (self time, this process only):');
  for (const [name, ms] of [...byCategory.entries()].sort((a, b) => b[1] - a[1])) {
    const share = name.startsWith('idle') ? '' : ` ${((ms / busy) * 100).toFixed(1).padStart(5)} % of busy`;
    console.log(`  ${name.padEnd(58)} ${ms.toFixed(0).padStart(7)} ms${share}`);
  }
  await gateway.close();
  child.kill();
  await measureMime(args.mimeMb);
}

/**
 * ews-javascript-api reads a response as one string, builds a DOM and a JS object from it and
 * keeps MimeContent as one base64 string: a message's MIME is in memory several times over before
 * the first decoded byte. Measured with a stub server, since MIME size is all that matters here.
 */
async function measureMime(megabytes: number): Promise<void> {
  const { createServer } = await import('node:http');
  const { EwsGateway } = await import('@connector/exchange');
  const mime = Buffer.alloc(megabytes * 1024 * 1024, 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.\r\n');
  const body =
    '<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>' +
    '<m:GetItemResponse xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types">' +
    '<m:ResponseMessages><m:GetItemResponseMessage ResponseClass="Success"><m:ResponseCode>NoError</m:ResponseCode><m:Items><t:Message>' +
    `<t:MimeContent CharacterSet="UTF-8">${mime.toString('base64')}</t:MimeContent><t:ItemId Id="AAMkAD=" ChangeKey="CQAAAA=="/>` +
    '</t:Message></m:Items></m:GetItemResponseMessage></m:ResponseMessages></m:GetItemResponse></s:Body></s:Envelope>';
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(body));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const gateway = new EwsGateway({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}/EWS/Exchange.asmx`, auth: { kind: 'basic', username: 'u', password: 'p' } });
  global.gc?.();
  const base = process.memoryUsage();
  let peakHeap = base.heapUsed;
  let peakRss = base.rss;
  const probe = setInterval(() => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed + m.external + m.arrayBuffers);
    peakRss = Math.max(peakRss, m.rss);
  }, 5);
  const started = performance.now();
  let bytes = 0;
  for await (const chunk of await gateway.openMimeStream('u@contoso.example', 'AAMkAD=')) bytes += (chunk as Buffer).length;
  const ms = performance.now() - started;
  clearInterval(probe);
  await gateway.close();
  server.close();
  const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
  console.log(`\nMIME of ${megabytes} MiB through GetItem: ${bytes === mime.length ? 'intact' : `WRONG (${bytes} bytes)`}, ${ms.toFixed(0)} ms,`);
  const heapDelta = peakHeap - base.heapUsed - base.external - base.arrayBuffers;
  console.log(`  peak heap+buffers +${mb(heapDelta)} MiB (${(heapDelta / mime.length).toFixed(1)}× the MIME size), peak RSS +${mb(peakRss - base.rss)} MiB`);
}

if (process.env.BENCH_ROLE === 'simulator') await runSimulator();
else await main();
