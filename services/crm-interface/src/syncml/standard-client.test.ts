import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Add, Status, Sync, SyncMLMessage } from '@connector/syncml';
import { RawSyncmlClient, basicCred, headerStatus, statuses } from './raw-client.test-support.js';
import { startSyncmlServer, type SyncmlTestServer } from './syncml.test-support.js';

/**
 * A phone/desktop client as SyncEvolution and Funambol clients write it: basic auth, its DevInf
 * (vCard 2.1, iCalendar 2.0), its own LocURIs (`card`, `event`), CDATA item data, Map for our adds.
 * It does not use libs/crm-client: any standard client has to work like this.
 */
let server: SyncmlTestServer;
const LOGIN = 'phone@demo.example';

beforeAll(async () => {
  server = await startSyncmlServer('syncml_standard');
  await server.crm.data.users.upsertMany([{ login: LOGIN, displayName: 'Phone User', password: 'pw-1234', salesGroup: 'North' }]);
  const phoneUser = await server.crm.data.users.actorFor(LOGIN);
  await server.crm.data.datastore('contacts').create(phoneUser, { firstName: 'Server', lastName: 'Side', emails: [{ address: 'server@example.com', kind: 'work' }] });
  await server.crm.data.datastore('calendar').create(phoneUser, { kind: 'meeting', subject: 'Planning', startAt: '2026-12-02T08:00:00Z', endAt: '2026-12-02T09:00:00Z' });
});
afterEach(async () => {
  await server.wire.assertAllValid();
  server.wire.clear();
});
afterAll(async () => {
  await server.close();
});

const DEVINF = `<Put><CmdID>1</CmdID><Meta><Type xmlns='syncml:metinf'>application/vnd.syncml-devinf+xml</Type></Meta><Item><Source><LocURI>./devinf12</LocURI></Source><Data><DevInf xmlns='syncml:devinf'><VerDTD>1.2</VerDTD><Man>SyncEvolution</Man><Mod>SyncEvolution</Mod><SwV>1.5</SwV><DevID>IMEI:std-1</DevID><DevTyp>workstation</DevTyp><UTC/><SupportLargeObjs/><SupportNumberOfChanges/>` +
  `<DataStore><SourceRef>addressbook</SourceRef><Rx-Pref><CTType>text/x-vcard</CTType><VerCT>2.1</VerCT></Rx-Pref><Tx-Pref><CTType>text/x-vcard</CTType><VerCT>2.1</VerCT></Tx-Pref><SyncCap><SyncType>1</SyncType><SyncType>2</SyncType></SyncCap></DataStore>` +
  `<DataStore><SourceRef>calendar</SourceRef><Rx-Pref><CTType>text/calendar</CTType><VerCT>2.0</VerCT></Rx-Pref><Tx-Pref><CTType>text/calendar</CTType><VerCT>2.0</VerCT></Tx-Pref><SyncCap><SyncType>1</SyncType><SyncType>2</SyncType></SyncCap></DataStore></DevInf></Data></Item></Put>`;

const alert = (cmd: number, type: number, target: string, source: string, last: string | null, next: string) =>
  `<Alert><CmdID>${cmd}</CmdID><Data>${type}</Data><Item><Target><LocURI>${target}</LocURI></Target><Source><LocURI>${source}</LocURI></Source>` +
  `<Meta><Anchor xmlns='syncml:metinf'>${last === null ? '' : `<Last>${last}</Last>`}<Next>${next}</Next></Anchor><MaxObjSize xmlns='syncml:metinf'>4000000</MaxObjSize></Meta></Item></Alert>`;

const VCARD = (name: string) => `BEGIN:VCARD\r\nVERSION:2.1\r\nN:${name};Max\r\nFN:Max ${name}\r\nTEL;CELL:+49 170 1234567\r\nEMAIL;INTERNET:max@example.com\r\nEND:VCARD\r\n`;
const EVENT = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//SyncEvolution//EN\r\nBEGIN:VEVENT\r\nUID:20261201T090000-1@phone\r\nDTSTART:20261201T090000Z\r\nDTEND:20261201T100000Z\r\nSUMMARY:Visit Acme\r\nLOCATION:Berlin\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;

const item = (cmd: string, id: number, type: string, luid: string, data: string) =>
  `<${cmd}><CmdID>${id}</CmdID><Meta><Type xmlns='syncml:metinf'>${type}</Type></Meta><Item><Source><LocURI>${luid}</LocURI></Source><Data><![CDATA[${data}]]></Data></Item></${cmd}>`;

/** Statuses a standard client owes for every command of the server's message. */
function acknowledge(message: SyncMLMessage, firstCmd: number): { xml: string; next: number } {
  let id = firstCmd;
  const status = (cmdRef: number, cmd: string, code: number, refs = '') =>
    `<Status><CmdID>${id++}</CmdID><MsgRef>${message.header.msgID}</MsgRef><CmdRef>${cmdRef}</CmdRef><Cmd>${cmd}</Cmd>${refs}<Data>${code}</Data></Status>`;
  let xml = status(0, 'SyncHdr', 200);
  for (const c of message.body) {
    if (c.kind === 'Status') continue;
    xml += status(c.cmdID, c.kind, 200);
    if (c.kind === 'Sync') for (const a of c.commands) xml += status(a.cmdID, a.kind, a.kind === 'Add' ? 201 : 200, `<SourceRef>${a.items[0]?.source?.locURI ?? ''}</SourceRef>`);
  }
  return { xml, next: id };
}

const syncs = (m: SyncMLMessage) => m.body.filter((c): c is Sync => c.kind === 'Sync');

describe('a standard SyncML client (hand-written messages)', () => {
  it('slow-syncs vCard 2.1 contacts and iCalendar events with basic auth, then syncs two-way', async () => {
    const phone = new RawSyncmlClient(server.url, 'IMEI:std-1', server.wire);
    const cred = basicCred(LOGIN, 'pw-1234');
    const init = await phone.send(DEVINF + alert(2, 200, 'card', 'addressbook', null, 'a1') + alert(3, 200, 'event', 'calendar', null, 'c1'), { cred });
    expect(headerStatus(init)?.data).toBe(212);
    expect(statuses(init, 'Alert').map((s) => s.data)).toEqual([508, 508]);
    expect(init.body.filter((c) => c.kind === 'Alert').map((c) => (c.kind === 'Alert' ? c.data : 0))).toEqual([201, 201]);

    const ack = acknowledge(init, 1);
    const mods = await phone.send(
      ack.xml +
        `<Sync><CmdID>${ack.next}</CmdID><Target><LocURI>card</LocURI></Target><Source><LocURI>addressbook</LocURI></Source>${item('Add', ack.next + 1, 'text/x-vcard', '1', VCARD('Mustermann'))}</Sync>` +
        `<Sync><CmdID>${ack.next + 2}</CmdID><Target><LocURI>event</LocURI></Target><Source><LocURI>calendar</LocURI></Source>${item('Add', ack.next + 3, 'text/calendar', '10', EVENT)}</Sync>`,
    );
    expect(statuses(mods, 'Add').map((s: Status) => [s.sourceRef?.[0], s.data])).toEqual([['1', 201], ['10', 201]]);
    const [cards, events] = syncs(mods);
    const card = cards?.commands[0] as Add;
    expect(card.meta?.type).toBe('text/x-vcard');
    expect(card.items[0]?.data).toMatch(/BEGIN:VCARD\r?\nVERSION:2\.1[\s\S]*Side/);
    const event = events?.commands[0] as Add;
    expect(event.meta?.type).toBe('text/calendar');
    expect(event.items[0]?.data).toMatch(/BEGIN:VEVENT[\s\S]*SUMMARY:Planning/);

    const done = acknowledge(mods, 1);
    const map = (id: number, target: string, source: string, guid: string, luid: string) =>
      `<Map><CmdID>${id}</CmdID><Target><LocURI>${target}</LocURI></Target><Source><LocURI>${source}</LocURI></Source><MapItem><Target><LocURI>${guid}</LocURI></Target><Source><LocURI>${luid}</LocURI></Source></MapItem></Map>`;
    const end = await phone.send(done.xml + map(done.next, 'card', 'addressbook', card.items[0]!.source!.locURI, '2') + map(done.next + 1, 'event', 'calendar', event.items[0]!.source!.locURI, '11'));
    expect(statuses(end, 'Map').map((s) => s.data)).toEqual([200, 200]);
    expect(end.final).toBe(true);

    const user = await server.crm.data.users.actorFor(LOGIN);
    const people = await server.crm.data.datastore('contacts').list(user);
    expect(people.map((p) => (p as { lastName?: string }).lastName).sort()).toEqual(['Mustermann', 'Side']);

    // Two-way: the phone renames its contact; nothing else changed on either side.
    const next = new RawSyncmlClient(server.url, 'IMEI:std-1', server.wire);
    const init2 = await next.send(alert(1, 200, 'card', 'addressbook', 'a1', 'a2'), { cred });
    expect(statuses(init2, 'Alert')[0]?.data).toBe(200);
    const ack2 = acknowledge(init2, 1);
    const mods2 = await next.send(
      ack2.xml + `<Sync><CmdID>${ack2.next}</CmdID><Target><LocURI>card</LocURI></Target><Source><LocURI>addressbook</LocURI></Source>${item('Replace', ack2.next + 1, 'text/x-vcard', '1', VCARD('Renamed'))}</Sync>`,
    );
    expect(statuses(mods2, 'Replace')[0]?.data).toBe(200);
    expect(syncs(mods2)[0]?.commands).toEqual([]);
    const renamed = await server.crm.data.datastore('contacts').list(user);
    expect(renamed.map((p) => (p as { lastName?: string }).lastName).sort()).toEqual(['Renamed', 'Side']);
  });

  it('asks a client without DevInf for it, and sends its Rx-Pref type (vCard 3.0); without an answer, vCard 2.1', async () => {
    const cred = basicCred(LOGIN, 'pw-1234');
    const run = async (answer: boolean) => {
      const phone = new RawSyncmlClient(server.url, `IMEI:nodevinf-${answer}`, server.wire);
      const init = await phone.send(alert(1, 201, 'contacts', 'cards', null, 'n1'), { cred });
      const get = init.body.find((c) => c.kind === 'Get');
      expect(get?.kind === 'Get' && get.items[0]?.target?.locURI).toBe('./devinf12');
      const ack = acknowledge(init, 1);
      const results = answer
        ? `<Results><CmdID>${ack.next}</CmdID><MsgRef>${init.header.msgID}</MsgRef><CmdRef>${get!.cmdID}</CmdRef><Meta><Type xmlns='syncml:metinf'>application/vnd.syncml-devinf+xml</Type></Meta><Item><Source><LocURI>./devinf12</LocURI></Source><Data><DevInf xmlns='syncml:devinf'><VerDTD>1.2</VerDTD><DevID>IMEI:x</DevID><DevTyp>phone</DevTyp><DataStore><SourceRef>cards</SourceRef><Rx-Pref><CTType>text/vcard</CTType><VerCT>3.0</VerCT></Rx-Pref><Tx-Pref><CTType>text/vcard</CTType><VerCT>3.0</VerCT></Tx-Pref><SyncCap><SyncType>2</SyncType></SyncCap></DataStore></DevInf></Data></Item></Results>`
        : '';
      const mods = await phone.send(ack.xml + results + `<Sync><CmdID>${ack.next + 1}</CmdID><Target><LocURI>contacts</LocURI></Target><Source><LocURI>cards</LocURI></Source></Sync>`);
      const add = syncs(mods)[0]?.commands[0] as Add;
      return { type: add.meta?.type, data: String(add.items[0]?.data) };
    };
    expect(await run(true)).toMatchObject({ type: 'text/vcard', data: expect.stringMatching(/VERSION:3\.0/) });
    expect(await run(false)).toMatchObject({ type: 'text/x-vcard', data: expect.stringMatching(/VERSION:2\.1/) });
  });
});
