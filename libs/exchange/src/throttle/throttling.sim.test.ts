import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestLogEntry } from '@connector/exchange-sim';
import type { EwsGateway } from '../ews-gateway.adapter.js';
import { initialListing } from '../sync/initial-listing.js';
import { newSchemaCollector, SimServer, simGateway } from '../test-support/sim-gateway.test-support.js';

const BUSY = 'busy@contoso.example';
const CALM = 'calm@contoso.example';
const ITEMS = 5000;
let sim: SimServer;
let gateway: EwsGateway;
const schema = newSchemaCollector();
const throttles: { mailbox: string; backOffMs: number }[] = [];

beforeAll(async () => {
  sim = await SimServer.start();
  await sim.mailbox(BUSY);
  await sim.mailbox(CALM);
  for (let i = 0; i < ITEMS; i += 1000) {
    const items = Array.from({ length: Math.min(1000, ITEMS - i) }, (_, k) => ({
      kind: 'message', fields: { Subject: `Order ${i + k}`, InternetMessageId: `<order-${i + k}@shop.example>`, From: { email: 'shop@shop.example', name: 'Shop' } },
    }));
    await sim.admin('POST', `/mailboxes/${BUSY}/items`, { folder: 'inbox', items });
  }
  gateway = simGateway(sim, schema, { maxThrottleRetries: 40, hooks: { onThrottle: (e) => throttles.push(e) } });
}, 120_000);
afterAll(async () => {
  await gateway?.close();
  await sim?.close();
});

/** Requests that reached the server while the mailbox was still inside a back-off it had been told. */
function earlyRequests(log: RequestLogEntry[], backOffMs: number): RequestLogEntry[] {
  const sorted = [...log].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const early: RequestLogEntry[] = [];
  for (const busy of sorted.filter((e) => e.responseCode === 'ErrorServerBusy')) {
    const answeredAt = Date.parse(busy.at) + busy.durationMs;
    // 2 ms: the log's millisecond timestamps are truncated on both ends.
    early.push(...sorted.filter((e) => e !== busy && Date.parse(e.at) >= answeredAt && Date.parse(e.at) < answeredAt + backOffMs - 2));
  }
  return early;
}

describe('ErrorServerBusy handling', () => {
  it('lists 5,000 items with 30% ErrorServerBusy: every item exactly once, never inside a back-off', async () => {
    await sim.admin('PUT', '/faults', { seed: 20261125, rules: [{ mailbox: BUSY, kind: 'serverBusyFault', probability: 0.3, backOffMs: 200 }] });
    const inbox = await gateway.resolveFolder(BUSY, '/<inbox>');
    const started = performance.now();
    const listing = await initialListing(gateway, BUSY, 'email', inbox.folderId);
    const seconds = (performance.now() - started) / 1000;
    await sim.admin('DELETE', '/faults');

    const ids = listing.results.map((r) => (r.ok ? r.value.ref.itemId : `failed: ${r.error.code}`));
    expect(ids.filter((id) => id.startsWith('failed'))).toEqual([]);
    expect(new Set(ids).size).toBe(ITEMS);
    const subjects = new Set(listing.results.map((r) => (r.ok ? r.value.item.subject : '')));
    expect(subjects.size).toBe(ITEMS);

    const log = await sim.admin<RequestLogEntry[]>('GET', `/log?mailbox=${BUSY}`);
    const busy = log.filter((e) => e.responseCode === 'ErrorServerBusy');
    expect(busy.length).toBeGreaterThan(5);
    expect(throttles.filter((t) => t.mailbox === BUSY)).toHaveLength(busy.length);
    expect(throttles.every((t) => t.backOffMs === 200)).toBe(true);
    expect(earlyRequests(log, 200)).toEqual([]);
    console.info(`5,000-item listing with 30% ErrorServerBusy: ${log.length} requests, ${busy.length} busy, ${seconds.toFixed(1)} s`);
  }, 120_000);

  it('pauses only the throttled mailbox; the others go on', async () => {
    await sim.admin('PUT', '/faults', { rules: [{ mailbox: BUSY, kind: 'serverBusy', backOffMs: 1500, times: 1 }] });
    const t0 = performance.now();
    const busy = gateway.resolveFolder(BUSY, '/<calendar>').then(() => performance.now() - t0);
    await new Promise((r) => setTimeout(r, 50));
    const calm = await gateway.resolveFolder(CALM, '/<calendar>').then(() => performance.now() - t0);
    expect(calm).toBeLessThan(1000);
    expect(await busy).toBeGreaterThanOrEqual(1500);
    await sim.admin('DELETE', '/faults');
  });

  it('gives up after the retry budget with a typed throttling error carrying the back-off', async () => {
    const strict = simGateway(sim, schema, { maxThrottleRetries: 1 });
    await sim.admin('PUT', '/faults', { rules: [{ mailbox: CALM, kind: 'serverBusyFault', backOffMs: 50 }] });
    await expect(strict.resolveFolder(CALM, '/<tasks>')).rejects.toMatchObject({ code: 'EXCHANGE_THROTTLED', kind: 'throttled', backOffMs: 50 });
    await sim.admin('DELETE', '/faults');
    await strict.close();
  });

  it('sent and received only schema-valid EWS XML', async () => {
    expect(await schema.validate()).toEqual([]);
  }, 120_000);
});
