import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MemoryAnchorStore } from '@connector/crm-client';
import { RawSyncmlClient, headerStatus, statuses, tokenCred } from './raw-client.test-support.js';
import { nativePayload, parseNative, startSyncmlServer, type SyncmlTestServer } from './syncml.test-support.js';

const ALICE = 'alice@demo.example';
let server: SyncmlTestServer;

beforeAll(async () => {
  server = await startSyncmlServer('syncml_types');
});
// One xmllint batch per test: a single batch of all of them (~1,500 messages, ~25 MB) crashes xmllint-wasm.
afterEach(async () => {
  await server.wire.assertAllValid();
  server.wire.clear();
});
afterAll(async () => {
  await server.close();
});

async function addPerson(firstName: string, lastName: string) {
  const { record } = await server.crm.data.datastore('contacts').create(server.crm.alice, { firstName, lastName });
  return record;
}

describe('two-way sync', () => {
  it('starts slow, then delivers only changes, maps server adds, and is quiet when nothing changed', async () => {
    const [a, b, c] = [await addPerson('Ada', 'Lovelace'), await addPerson('Bea', 'Brown'), await addPerson('Cy', 'Young')];
    const client = server.client();
    const first = await client.readChanges(ALICE, 'contacts');
    expect(first.slowSync).toBe(true);
    expect(first.changes.map((ch) => ch.op)).toEqual(['add', 'add', 'add']);
    expect(new Set(first.changes.map((ch) => ch.recordId))).toEqual(new Set([a!.id, b!.id, c!.id]));
    expect(parseNative('contacts', first.changes.find((ch) => ch.recordId === a!.id)!.payload!)).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace' });
    await first.complete(first.changes.map((ch) => ({ recordId: ch.recordId!, luid: `link-${ch.recordId}` })));

    await server.crm.data.datastore('contacts').update(server.crm.alice, a!.id, { lastName: 'King' });
    await server.crm.data.datastore('contacts').delete(server.crm.alice, b!.id);
    const d = await addPerson('Dee', 'New');
    const second = await client.readChanges(ALICE, 'contacts');
    expect(second.slowSync).toBe(false);
    const byOp = Object.fromEntries(second.changes.map((ch) => [ch.op, ch]));
    expect(second.changes).toHaveLength(3);
    expect(byOp.replace).toMatchObject({ recordId: a!.id, luid: `link-${a!.id}` });
    expect(parseNative('contacts', byOp.replace!.payload!)).toMatchObject({ lastName: 'King' });
    expect(byOp.delete).toMatchObject({ luid: `link-${b!.id}` });
    expect(byOp.add).toMatchObject({ recordId: d!.id });
    await second.complete([{ recordId: d!.id, luid: 'link-d' }]);

    const third = await client.readChanges(ALICE, 'contacts');
    expect(third.changes).toEqual([]);
    await third.complete([]);
  });

  it('writes adds, replaces and deletes with per-item results; a record named by id needs no mapping', async () => {
    const client = server.client();
    const existing = await addPerson('Eve', 'Old');
    const results = await client.writeChanges(ALICE, 'contacts', [
      { luid: 'w1', op: 'add', payload: nativePayload('contacts', { firstName: 'Wen', lastName: 'One' }) },
      { luid: 'w2', op: 'replace', recordId: existing!.id, payload: nativePayload('contacts', { lastName: 'Changed' }) },
    ]);
    expect(results.map((r) => [r.luid, r.status, r.ok])).toEqual([
      ['w1', 201, true],
      ['w2', 200, true],
    ]);
    expect(results[0]!.recordId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number(results[1]!.version)).toBeGreaterThan(Number(existing!.version));
    const stored = await server.crm.data.datastore('contacts').get(server.crm.alice, existing!.id);
    expect(stored).toMatchObject({ firstName: 'Eve', lastName: 'Changed' });

    const again = await client.writeChanges(ALICE, 'contacts', [{ luid: 'w2', op: 'delete', recordId: existing!.id }]);
    expect(again[0]).toMatchObject({ luid: 'w2', status: 200, ok: true });
    expect(await server.crm.data.datastore('contacts').get(server.crm.alice, existing!.id)).toBeNull();
  });
});

describe('sync initialization and the other sync types', () => {
  it('turns a two-way sync with a disagreeing anchor into a slow sync (508) without duplicates', async () => {
    const anchors = new MemoryAnchorStore();
    const client = server.client({ anchors, deviceId: 'anchor-test' });
    const a = await addPerson('Ann', 'Anchor');
    const first = await client.readChanges(ALICE, 'contacts');
    await first.complete(first.changes.map((c) => ({ recordId: c.recordId!, luid: `l-${c.recordId}` })));
    await anchors.set({ user: ALICE, datastore: 'contacts', deviceId: 'anchor-test' }, 'lost-and-guessed');
    const wire: string[] = [];
    const again = await server.client({ anchors, deviceId: 'anchor-test', onWire: (xml) => wire.push(xml) }).readChanges(ALICE, 'contacts');
    expect(wire.some((xml) => /<Cmd>Alert<\/Cmd>.*?<Data>508<\/Data>/.test(xml))).toBe(true);
    expect(again.slowSync).toBe(true);
    // Records the device already has come as replaces to its LUIDs: nothing is added twice.
    expect(again.changes.find((c) => c.recordId === a!.id)).toMatchObject({ op: 'replace', luid: `l-${a!.id}` });
    expect(again.changes.filter((c) => c.op === 'add')).toEqual([]);
    await again.complete([]);
  });

  it('one-way from server delivers changes only; refresh from server sends everything as adds', async () => {
    const anchors = new MemoryAnchorStore();
    const client = server.client({ anchors, deviceId: 'oneway-test' });
    const first = await client.readChanges(ALICE, 'contacts');
    const total = first.changes.length;
    await first.complete(first.changes.map((c) => ({ recordId: c.recordId!, luid: `o-${c.recordId}` })));
    const p = await addPerson('Olga', 'Oneway');
    const oneWay = await client.readChanges(ALICE, 'contacts', { mode: 'one-way-from-server' });
    expect(oneWay.slowSync).toBe(false);
    expect(oneWay.changes).toMatchObject([{ op: 'add', recordId: p!.id }]);
    await oneWay.complete([{ recordId: p!.id, luid: 'o-new' }]);
    const refresh = await client.readChanges(ALICE, 'contacts', { mode: 'refresh-from-server' });
    expect(refresh.slowSync).toBe(true);
    expect(refresh.changes).toHaveLength(total + 1);
    expect(refresh.changes.every((c) => c.op === 'add')).toBe(true);
    await refresh.complete(refresh.changes.map((c) => ({ recordId: c.recordId!, luid: `r-${c.recordId}` })));
    const quiet = await client.readChanges(ALICE, 'contacts');
    expect(quiet.changes).toEqual([]);
    await quiet.complete([]);
  });

  it('one-way from client sends no server data back once anchors agree', async () => {
    const wire: string[] = [];
    const client = server.client({ onWire: (xml, direction) => direction === 'received' && wire.push(xml) });
    await client.writeChanges(ALICE, 'tasks', [{ luid: 't1', op: 'add', payload: nativePayload('tasks', { subject: 'First' }) }]);
    wire.length = 0;
    const [result] = await client.writeChanges(ALICE, 'tasks', [{ luid: 't2', op: 'add', payload: nativePayload('tasks', { subject: 'Second' }) }]);
    expect(result).toMatchObject({ ok: true, status: 201 });
    expect(wire.join('')).toContain('<Data>202</Data>');
    expect(wire.join('')).not.toContain('<Sync>');
  });

  it('refresh from client replaces what the device synchronizes, and nothing else', async () => {
    const other = await addPerson('Not', 'Mine');
    const cred = () => tokenCred(server.signer.issue(ALICE));
    const add = (luid: string, name: string, cmd = 10) =>
      `<Add><CmdID>${cmd}</CmdID><Meta><Type xmlns='syncml:metinf'>application/vnd.crm-exchange.contact+xml</Type></Meta><Item><Source><LocURI>${luid}</LocURI></Source><Data>${escape(nativePayload('contacts', { firstName: name }))}</Data></Item></Add>`;
    const session = async (type: number, next: string, adds: string) => {
      const client = new RawSyncmlClient(server.url, 'IMEI:refresh', server.wire);
      const alert = `<Alert><CmdID>1</CmdID><Data>${type}</Data><Item><Target><LocURI>contacts</LocURI></Target><Source><LocURI>./c</LocURI></Source><Meta><Anchor xmlns='syncml:metinf'><Next>${next}</Next></Anchor></Meta></Item></Alert>`;
      expect(headerStatus(await client.send(alert, { cred: cred() }))?.data).toBe(212);
      const mods = await client.send(`<Sync><CmdID>2</CmdID><Target><LocURI>contacts</LocURI></Target><Source><LocURI>./c</LocURI></Source>${adds}</Sync>`);
      return { client, mods };
    };
    const { client: first, mods } = await session(201, '1', add('k1', 'Keep') + add('k2', 'Drop', 11));
    expect(statuses(mods, 'Add').map((s) => s.data)).toEqual([201, 201]);
    const keep = mods.body.flatMap((c) => (c.kind === 'Status' && c.sourceRef?.[0] === 'k1' ? [c.items?.[0]?.target?.locURI] : []))[0]!;
    const drop = mods.body.flatMap((c) => (c.kind === 'Status' && c.sourceRef?.[0] === 'k2' ? [c.items?.[0]?.target?.locURI] : []))[0]!;
    await first.send('<Alert><CmdID>1</CmdID><Data>222</Data></Alert>');
    const { mods: refreshed } = await session(203, '2', add('k1', 'Keep'));
    expect(statuses(refreshed, 'Add').map((s) => s.data)).toEqual([200]);
    const contacts = server.crm.data.datastore('contacts');
    expect(await contacts.get(server.crm.alice, keep)).not.toBeNull();
    expect(await contacts.get(server.crm.alice, drop)).toBeNull();
    expect(await contacts.get(server.crm.alice, other!.id)).not.toBeNull();
  });

  it('exchanges DevInf: the client Puts its own and Gets ours with every datastore and type', async () => {
    const phone = new RawSyncmlClient(server.url, 'IMEI:devinf', server.wire);
    const devinf = `<Put><CmdID>1</CmdID><Meta><Type xmlns='syncml:metinf'>application/vnd.syncml-devinf+xml</Type></Meta><Item><Source><LocURI>./devinf12</LocURI></Source><Data><DevInf xmlns='syncml:devinf'><VerDTD>1.2</VerDTD><DevID>IMEI:devinf</DevID><DevTyp>phone</DevTyp><DataStore><SourceRef>./c</SourceRef><Rx-Pref><CTType>text/x-vcard</CTType><VerCT>2.1</VerCT></Rx-Pref><Tx-Pref><CTType>text/x-vcard</CTType><VerCT>2.1</VerCT></Tx-Pref><SyncCap><SyncType>1</SyncType><SyncType>2</SyncType></SyncCap></DataStore></DevInf></Data></Item></Put>`;
    const get = `<Get><CmdID>2</CmdID><Meta><Type xmlns='syncml:metinf'>application/vnd.syncml-devinf+xml</Type></Meta><Item><Target><LocURI>./devinf12</LocURI></Target></Item></Get>`;
    const response = await phone.send(devinf + get, { cred: tokenCred(server.signer.issue(ALICE)) });
    expect(statuses(response, 'Put')[0]?.data).toBe(200);
    expect(statuses(response, 'Get')[0]?.data).toBe(200);
    const results = response.body.find((c) => c.kind === 'Results');
    const data = results?.kind === 'Results' ? results.items[0]?.data : undefined;
    const stores = data && typeof data === 'object' && 'devInf' in data ? data.devInf.dataStores : [];
    expect(stores.map((d) => d.sourceRef)).toEqual(['contacts', 'companies', 'calendar', 'emails', 'tasks', 'absences']);
    expect(stores[0]?.rxPref.ctType).toBe('application/vnd.crm-exchange.contact+xml');
  });
});

const escape = (xml: string) => xml.replace(/&/g, '&amp;').replace(/</g, '&lt;');
