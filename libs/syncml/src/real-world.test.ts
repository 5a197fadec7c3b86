import { describe, expect, it } from 'vitest';
import { decodeMessage, validateSyncmlMessages, type Alert, type Get, type Put, type Status } from './index.js';

// Sent by a SyncEvolution client to a SyncEvolution server ("a real message sent to our own
// server, DevInf stripped", SyncEvolution test/test-dbus.py).
const SYNCEVOLUTION_CLIENT_INIT =
  `<?xml version="1.0" encoding="UTF-8"?><SyncML xmlns='SYNCML:SYNCML1.2'><SyncHdr><VerDTD>1.2</VerDTD><VerProto>SyncML/1.2</VerProto><SessionID>255</SessionID><MsgID>1</MsgID><Target><LocURI>http://127.0.0.1:9000/syncevolution</LocURI></Target><Source><LocURI>sc-api-nat</LocURI><LocName>test</LocName></Source><Cred><Meta><Format xmlns='syncml:metinf'>b64</Format><Type xmlns='syncml:metinf'>syncml:auth-md5</Type></Meta><Data>kHzMn3RWFGWSKeBpXicppQ==</Data></Cred><Meta><MaxMsgSize xmlns='syncml:metinf'>20000</MaxMsgSize><MaxObjSize xmlns='syncml:metinf'>4000000</MaxObjSize></Meta></SyncHdr><SyncBody><Alert><CmdID>1</CmdID><Data>200</Data><Item><Target><LocURI>addressbook</LocURI></Target><Source><LocURI>./addressbook</LocURI></Source><Meta><Anchor xmlns='syncml:metinf'><Last>20091105T092757Z</Last><Next>20091105T092831Z</Next></Anchor><MaxObjSize xmlns='syncml:metinf'>4000000</MaxObjSize></Meta></Item></Alert><Final/></SyncBody></SyncML>`;

// A Funambol DS server answer to a client whose MD5 credentials failed, as reproduced by the
// Funambol client SDK tests (line breaks as there; no namespace on <SyncML>, as Funambol sends).
const FUNAMBOL_SERVER_CHALLENGE = [
  '<SyncML>', '<SyncHdr>', '<VerDTD>1.2</VerDTD>', '<VerProto>SyncML/1.2</VerProto>', '<SessionID>1266917419910</SessionID>',
  '<MsgID>1</MsgID>', '<Target>', '<LocURI>fac-device-1</LocURI>', '</Target>', '<Source>', '<LocURI>http://my.funambol.com/sync</LocURI>',
  '</Source>', '<RespURI>http://my.funambol.com/sync;jsessionid=F2EA56F802D65950FAC3E37336BE1EEA.NODE01</RespURI>', '</SyncHdr>', '<SyncBody>',
  '<Status>', '<CmdID>1</CmdID>', '<MsgRef>1</MsgRef>', '<CmdRef>0</CmdRef>', '<Cmd>SyncHdr</Cmd>', '<TargetRef>http://my.funambol.com/sync</TargetRef>',
  '<SourceRef>fac-device-1</SourceRef>', '<Chal>', '<Meta>', "<Format xmlns='syncml:metinf'>b64</Format>", "<Type xmlns='syncml:metinf'>syncml:auth-md5</Type>",
  "<NextNonce xmlns='syncml:metinf'>dGVzdG5vbmNlMQ==</NextNonce>", '</Meta>', '</Chal>', '<Data>401</Data>', '</Status>',
  '<Status>', '<CmdID>2</CmdID>', '<MsgRef>1</MsgRef>', '<CmdRef>1</CmdRef>', '<Cmd>Alert</Cmd>', '<TargetRef>card</TargetRef>',
  '<SourceRef>contact</SourceRef>', '<Data>508</Data>', '</Status>', '<Alert>', '<CmdID>4</CmdID>', '<Data>201</Data>', '<Item>',
  '<Target>', '<LocURI>card</LocURI>', '</Target>', '<Source>', '<LocURI>contact</LocURI>', '</Source>', '<Meta>', "<Anchor xmlns='syncml:metinf'>",
  '<Last>0</Last>', '<Next>0</Next>', '</Anchor>', '</Meta>', '</Item>', '</Alert>', '<Final/>', '</SyncBody>', '</SyncML>',
].join('\n');

// jssyncml (a JavaScript SyncML client) test request: Put DevInf 1.2, Get, Alert. It writes
// Source before Target, which the DTD orders the other way round.
const JSSYNCML_CLIENT_INIT =
  '<?xml version="1.0" encoding="utf-8"?><SyncML> <SyncHdr>  <VerDTD>1.2</VerDTD>  <VerProto>SyncML/1.2</VerProto>  <SessionID>1</SessionID>  <MsgID>1</MsgID>' +
  '  <Source>   <LocURI>test-client-1234</LocURI>   <LocName>test</LocName>  </Source>  <Target><LocURI>https://example.com/sync</LocURI></Target>' +
  '  <Cred>   <Meta>    <Format xmlns="syncml:metinf">b64</Format>    <Type xmlns="syncml:metinf">syncml:auth-basic</Type>   </Meta>   <Data>Z3Vlc3Q6Z3Vlc3Q=</Data>  </Cred>' +
  '  <Meta>   <MaxMsgSize xmlns="syncml:metinf">150000</MaxMsgSize>   <MaxObjSize xmlns="syncml:metinf">4000000</MaxObjSize>  </Meta> </SyncHdr> <SyncBody>' +
  '<Put>   <CmdID>1</CmdID>   <Meta><Type xmlns="syncml:metinf">application/vnd.syncml-devinf+xml</Type></Meta>   <Item>    <Source><LocURI>./devinf12</LocURI></Source>' +
  '    <Data>     <DevInf xmlns="syncml:devinf">      <VerDTD>1.2</VerDTD>      <Man>jssyncml</Man>      <Mod>test</Mod>      <OEM>-</OEM>      <FwV>-</FwV>' +
  '      <SwV>-</SwV>      <HwV>-</HwV>      <DevID>test-client-1234</DevID>      <DevTyp>workstation</DevTyp>      <UTC/>      <SupportNumberOfChanges/>' +
  '      <SupportLargeObjs/>      <DataStore>       <SourceRef>./cli_memo</SourceRef>       <DisplayName>Memo</DisplayName>       <MaxGUIDSize>64</MaxGUIDSize>' +
  '       <Rx-Pref>        <CTType>text/plain</CTType>        <VerCT>1.1</VerCT>       </Rx-Pref>       <Rx>        <CTType>text/plain</CTType>        <VerCT>1.0</VerCT>       </Rx>' +
  '       <Tx-Pref>        <CTType>text/plain</CTType>        <VerCT>1.1</VerCT>       </Tx-Pref>       <Tx>        <CTType>text/plain</CTType>        <VerCT>1.0</VerCT>       </Tx>' +
  '       <SyncCap>        <SyncType>1</SyncType>        <SyncType>2</SyncType>        <SyncType>7</SyncType>       </SyncCap>      </DataStore>     </DevInf>    </Data>   </Item>  </Put>' +
  '  <Get>   <CmdID>2</CmdID>   <Meta><Type xmlns="syncml:metinf">application/vnd.syncml-devinf+xml</Type></Meta>   <Item>    <Target><LocURI>./devinf12</LocURI></Target>   </Item>  </Get>' +
  '  <Alert>   <CmdID>3</CmdID>   <Data>201</Data>   <Item>    <Source><LocURI>./cli_memo</LocURI></Source>    <Target><LocURI>srv_note</LocURI></Target>    <Meta>' +
  '     <Anchor xmlns="syncml:metinf">      <Next>1</Next>     </Anchor>     <MaxObjSize xmlns="syncml:metinf">4000000</MaxObjSize>    </Meta>   </Item>  </Alert>  <Final/> </SyncBody></SyncML>';

describe('messages from other implementations', () => {
  it('decodes a SyncEvolution client init', () => {
    const m = decodeMessage(SYNCEVOLUTION_CLIENT_INIT);
    expect(m.header).toEqual({
      sessionID: '255',
      msgID: 1,
      target: { locURI: 'http://127.0.0.1:9000/syncevolution' },
      source: { locURI: 'sc-api-nat', locName: 'test' },
      cred: { meta: { format: 'b64', type: 'syncml:auth-md5' }, data: 'kHzMn3RWFGWSKeBpXicppQ==' },
      meta: { maxMsgSize: 20000, maxObjSize: 4000000 },
    });
    expect(m.body).toEqual([
      {
        kind: 'Alert',
        cmdID: 1,
        data: 200,
        items: [{ target: { locURI: 'addressbook' }, source: { locURI: './addressbook' }, meta: { anchor: { last: '20091105T092757Z', next: '20091105T092831Z' }, maxObjSize: 4000000 } }],
      },
    ]);
    expect(m.final).toBe(true);
  });

  it('decodes a Funambol server challenge (no namespace, line breaks between elements)', () => {
    const m = decodeMessage(FUNAMBOL_SERVER_CHALLENGE);
    expect(m.header.respURI).toBe('http://my.funambol.com/sync;jsessionid=F2EA56F802D65950FAC3E37336BE1EEA.NODE01');
    const [hdrStatus, alertStatus, alert] = m.body as [Status, Status, Alert];
    expect(hdrStatus).toMatchObject({ cmdRef: 0, cmd: 'SyncHdr', data: 401, chal: { meta: { format: 'b64', type: 'syncml:auth-md5', nextNonce: 'dGVzdG5vbmNlMQ==' } } });
    expect(alertStatus).toMatchObject({ cmd: 'Alert', targetRef: ['card'], sourceRef: ['contact'], data: 508 });
    expect(alert.items[0]?.meta?.anchor).toEqual({ last: '0', next: '0' });
  });

  it('decodes a jssyncml client init with DevInf 1.2, whatever its element order', () => {
    const m = decodeMessage(JSSYNCML_CLIENT_INIT);
    expect(m.header.source).toEqual({ locURI: 'test-client-1234', locName: 'test' });
    const put = m.body[0] as Put;
    const devInf = typeof put.items[0]?.data === 'object' && 'devInf' in put.items[0].data ? put.items[0].data.devInf : undefined;
    expect(devInf).toMatchObject({ verDTD: '1.2', man: 'jssyncml', devTyp: 'workstation', utc: true, supportLargeObjs: true, supportNumberOfChanges: true });
    expect(devInf?.dataStores[0]).toMatchObject({ sourceRef: './cli_memo', maxGUIDSize: 64, rxPref: { ctType: 'text/plain', verCT: '1.1' }, syncCap: [1, 2, 7] });
    expect((m.body[1] as Get).items[0]?.target?.locURI).toBe('./devinf12');
    expect((m.body[2] as Alert).items[0]?.meta?.anchor).toEqual({ next: '1' });
  });

  it('validates the conformant ones against our schema, and flags the DTD-order violations of the other', async () => {
    const withNamespace = FUNAMBOL_SERVER_CHALLENGE.replace('<SyncML>', '<SyncML xmlns="SYNCML:SYNCML1.2">');
    const jssyncml = JSSYNCML_CLIENT_INIT.replace('<SyncML>', '<SyncML xmlns="SYNCML:SYNCML1.2">');
    const report = await validateSyncmlMessages([SYNCEVOLUTION_CLIENT_INIT, withNamespace, jssyncml]);
    expect(report.invalid).toEqual([2]);
    expect(report.issues.every((i) => /Source|Target|SupportLargeObjs/.test(i.message))).toBe(true);
  });
});
