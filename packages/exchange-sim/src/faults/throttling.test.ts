import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, first, NS, SimHarness } from '../test-support/sim-harness.test-support.js';
import type { RequestLogEntry } from '../stats/request-stats.js';

let sim: SimHarness;

beforeAll(async () => {
  sim = await SimHarness.start();
  await sim.mailbox('alice@test.example');
});

afterAll(async () => {
  expect(await sim.schema.validate()).toEqual([]);
  await sim.close();
});

const getItems = `<m:GetItem ${NS}><m:ItemShape><t:BaseShape>IdOnly</t:BaseShape></m:ItemShape><m:ItemIds><t:ItemId Id="AAMkAAAA"/><t:ItemId Id="AAMkAAAB"/></m:ItemIds></m:GetItem>`;
const inbox = `<m:GetFolder ${NS}><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder>`;

async function runBusyPattern(): Promise<boolean[]> {
  await sim.admin('POST', '/reset', {});
  await sim.admin('PUT', '/faults', { seed: 42, rules: [{ operation: 'GetFolder', kind: 'serverBusy', probability: 0.3, backOffMs: 200 }] });
  const busy: boolean[] = [];
  for (let i = 0; i < 100; i++) busy.push(codes(await sim.ews(inbox))[0] === 'ErrorServerBusy');
  return busy;
}

describe('throttling and fault injection', () => {
  it('30% ErrorServerBusy with BackOffMilliseconds 200 is reproducible with a seed and logged', async () => {
    const firstRun = await runBusyPattern();
    const log = (await sim.admin<RequestLogEntry[]>('GET', '/log?operation=GetFolder')).body;
    const secondRun = await runBusyPattern();
    expect(secondRun).toEqual(firstRun);
    const hits = firstRun.filter(Boolean).length;
    expect(hits).toBeGreaterThan(15);
    expect(hits).toBeLessThan(45);
    expect(log.filter((e) => e.responseCode === 'ErrorServerBusy')).toHaveLength(hits);
    expect(log.every((e) => e.mailbox === 'alice@test.example' && e.httpStatus === 200)).toBe(true);
  });

  it('sends the back-off in MessageXml, one error message per batch element', async () => {
    await sim.admin('PUT', '/faults', { rules: [{ operation: 'GetItem', kind: 'serverBusy', backOffMs: 200, times: 1 }] });
    const busy = await sim.ews(getItems);
    expect(codes(busy)).toEqual(['ErrorServerBusy', 'ErrorServerBusy']);
    expect(first(busy.doc, 'Value')!.attrs.Name).toBe('BackOffMilliseconds');
    expect(first(busy.doc, 'Value')!.text).toBe('200');
    expect(codes(await sim.ews(getItems))).toEqual(['ErrorItemNotFound', 'ErrorItemNotFound']);
  });

  it('ErrorServerBusy as SOAP fault (500) and as 503, plain 500s, per mailbox', async () => {
    await sim.admin('PUT', '/faults', { rules: [{ kind: 'serverBusyFault', mailbox: 'alice@test.example', backOffMs: 5000, times: 1 }, { kind: 'http503', times: 1 }, { kind: 'http500', times: 1 }] });
    const fault = await sim.ews(inbox);
    expect(fault.status).toBe(500);
    expect(first(fault.doc, 'faultcode')!.text).toBe('a:ErrorServerBusy');
    expect(first(fault.doc, 'Value')!.text).toBe('5000');
    expect((await sim.ews(inbox)).status).toBe(503);
    const plain = await sim.ews(inbox);
    expect([plain.status, plain.headers.get('content-type')]).toEqual([500, 'text/html']);
    expect((await sim.ews(inbox)).status).toBe(200);
  });

  it('adds latency, drops connections and stays slow past a client timeout', async () => {
    await sim.admin('PUT', '/faults', { rules: [{ kind: 'latency', latencyMs: 150, times: 1 }] });
    const started = Date.now();
    await sim.ews(inbox);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    await sim.admin('PUT', '/faults', { rules: [{ kind: 'drop', times: 1 }] });
    await expect(sim.ews(inbox)).rejects.toThrow();
    await sim.admin('PUT', '/faults', { rules: [{ kind: 'timeout', latencyMs: 5000, times: 1 }] });
    await expect(sim.ews(inbox, { timeoutMs: 200 })).rejects.toThrow();
    await sim.admin('DELETE', '/faults');
    expect((await sim.ews(inbox)).status).toBe(200);
  });

  it('a per-mailbox budget answers ErrorServerBusy with the time until the next request is allowed', async () => {
    await sim.admin('PUT', '/faults', { rules: [{ kind: 'budget', ratePerSecond: 1, burst: 3 }] });
    const replies = [];
    for (let i = 0; i < 5; i++) replies.push(await sim.ews(inbox));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 500, 500]);
    const backOff = Number(first(replies[3]!.doc, 'Value')!.text);
    expect(backOff).toBeGreaterThan(0);
    expect(backOff).toBeLessThanOrEqual(1000);
    await new Promise((resolve) => setTimeout(resolve, backOff + 20));
    expect((await sim.ews(inbox)).status).toBe(200);
    await sim.admin('DELETE', '/faults');
  });

  it('a concurrency limit per mailbox answers ErrorServerBusy naming the MaxConcurrency policy', async () => {
    // its own mailbox: the earlier timeout test still has a request of alice's in flight
    await sim.mailbox('carol@test.example');
    await sim.admin('PUT', '/faults', { rules: [{ kind: 'latency', latencyMs: 400 }, { kind: 'concurrency', maxConcurrency: 2 }] });
    const replies = await Promise.all(Array.from({ length: 4 }, () => sim.ews(inbox, { user: 'carol@test.example' })));
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 500, 500]);
    const busy = replies.find((r) => r.status === 500)!;
    expect(first(busy.doc, 'ResponseCode')!.text).toBe('ErrorServerBusy');
    expect(busy.xml).toContain('<t:Value Name="Policy">MaxConcurrency</t:Value>');
    expect(busy.xml).not.toContain('BackOffMilliseconds');
    await sim.admin('DELETE', '/faults');
  });

  it('rejects a bad fault configuration without changing the current one', async () => {
    await sim.admin('PUT', '/faults', { rules: [{ kind: 'latency', latencyMs: 1 }] });
    const bad = await sim.admin<{ error: { code: string } }>('PUT', '/faults', { rules: [{ kind: 'explode' }] });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'INVALID_INPUT']);
    expect((await sim.admin<{ rules: unknown[] }>('GET', '/faults')).body.rules).toHaveLength(1);
    expect((await sim.admin('GET', '/stats', undefined)).status).toBe(200);
    const noKey = await fetch(`${sim.url}/admin/stats`);
    expect(noKey.status).toBe(401);
  });
});
