import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LargeObjectAssembler } from '@connector/syncml';
import { LargeObjectBudget } from './large-object.budget.js';
import type { SyncSession } from './session.model.js';
import { SessionStore } from './session.store.js';
import { RawSyncmlClient, headerStatus, statuses, tokenCred } from './raw-client.test-support.js';
import { nativePayload, startSyncmlServer, type SyncmlTestServer } from './syncml.test-support.js';

function session(key: string): SyncSession {
  return {
    key, sessionId: key, deviceId: 'd', respToken: 't', nonce: 'n', phase: 'init', outMsgId: 0, lastInMsgId: 0, clientMaxMsgSize: 1024,
    devInfRequested: false, datastores: new Map(), outbox: [], awaitingMap: new Set(), assembler: new LargeObjectAssembler(),
    chunkBudget: new LargeObjectBudget(1), expiresAt: 0,
  };
}

describe('session store', () => {
  it('forgets idle sessions and evicts the least recently used beyond its size, telling the engine', () => {
    let now = 0;
    const dropped: string[] = [];
    const store = new SessionStore({ ttlMs: 100, maxSessions: 2, now: () => now, onDrop: (s) => dropped.push(s.key) });
    for (const key of ['a', 'b']) store.touch(session(key));
    store.touch(store.get('a')!);
    store.touch(session('c'));
    expect(dropped).toEqual(['b']);
    now = 150;
    expect(store.get('a')).toBeUndefined();
    expect(store.size).toBe(1);
    expect(dropped).toEqual(['b', 'a']);
  });
});

describe('large-object memory budget', () => {
  let server: SyncmlTestServer;
  beforeAll(async () => {
    server = await startSyncmlServer('syncml_limits', { maxMsgSize: 16 * 1024, largeObjectBudgetBytes: 64 * 1024 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('acknowledges chunks with 213 and Alert 222, and answers a reassembled object of the wrong size with 424', async () => {
    const seq = await server.changeSeq();
    const phone = new RawSyncmlClient(server.url, 'IMEI:chunks', server.wire);
    const alert = `<Alert><CmdID>1</CmdID><Data>201</Data><Item><Target><LocURI>emails</LocURI></Target><Source><LocURI>./mail</LocURI></Source><Meta><Anchor xmlns='syncml:metinf'><Next>1</Next></Anchor></Meta></Item></Alert>`;
    expect(headerStatus(await phone.send(alert, { cred: tokenCred(server.signer.issue('alice@demo.example')) }))?.data).toBe(212);
    const payload = nativePayload('emails', { kind: 'email', subject: 'Chunked', internetMessageId: '<chunked@example.com>' });
    const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const half = Math.floor(payload.length / 2);
    const sync = (item: string) => `<Sync><CmdID>2</CmdID><Target><LocURI>emails</LocURI></Target><Source><LocURI>./mail</LocURI></Source><Add><CmdID>3</CmdID><Meta><Type xmlns='syncml:metinf'>application/vnd.crm-exchange.activity+xml</Type></Meta>${item}</Add></Sync>`;
    const first = await phone.send(sync(`<Item><Source><LocURI>m1</LocURI></Source><Meta><Size xmlns='syncml:metinf'>${Buffer.byteLength(payload) + 5}</Size></Meta><Data>${escaped(payload.slice(0, half))}</Data><MoreData/></Item>`), { final: false });
    expect(statuses(first, 'Add')[0]?.data).toBe(213);
    expect(first.body.some((c) => c.kind === 'Alert' && c.data === 222)).toBe(true);
    const last = await phone.send(sync(`<Item><Source><LocURI>m1</LocURI></Source><Data>${escaped(payload.slice(half))}</Data></Item>`));
    expect(statuses(last, 'Add')[0]?.data).toBe(424);
    expect(await server.changeSeq()).toBe(seq);
    await server.wire.assertAllValid();
  });

  it('refuses chunks beyond the budget with 420, applies nothing of that item, and keeps serving', async () => {
    const client = server.client();
    const big = nativePayload('emails', { kind: 'email', subject: 'Too big', bodyText: 'z'.repeat(200_000), internetMessageId: '<big-budget@example.com>' });
    const small = nativePayload('emails', { kind: 'email', subject: 'Small', internetMessageId: '<small-budget@example.com>' });
    const results = await client.writeChanges('alice@demo.example', 'emails', [{ luid: 'big', op: 'add', payload: big }, { luid: 'small', op: 'add', payload: small }]);
    expect(results.map((r) => [r.luid, r.status])).toEqual([['big', 420], ['small', 201]]);
    const { rows } = await server.crm.db.query("SELECT count(*)::int AS n FROM crm.activity WHERE subject = 'Too big'");
    expect(rows[0]).toEqual({ n: 0 });
    const [fits] = await client.writeChanges('alice@demo.example', 'emails', [{ luid: 'medium', op: 'add', payload: nativePayload('emails', { kind: 'email', subject: 'Fits', bodyText: 'y'.repeat(20_000) }) }]);
    expect(fits).toMatchObject({ ok: true, status: 201 });
  });
});
