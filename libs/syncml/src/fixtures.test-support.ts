import type { DevInf, SyncHdr, SyncMLMessage } from './index.js';

export const header: SyncHdr = {
  sessionID: '1700000000',
  msgID: 1,
  target: { locURI: 'https://crm.example/syncml', locName: 'CRM.interface' },
  source: { locURI: 'connector-7', locName: 'alice' },
  respURI: 'https://crm.example/syncml?s=abc&x=1',
  cred: { meta: { format: 'b64', type: 'syncml:auth-basic' }, data: 'YWxpY2U6c2VjcmV0' },
  meta: { maxMsgSize: 65536, maxObjSize: 8_000_000 },
};

export const devInf: DevInf = {
  verDTD: '1.2',
  man: 'Connector Project',
  mod: 'crm-interface',
  oem: '-',
  fwV: '-',
  swV: '0.1.0',
  hwV: '-',
  devID: 'crm-interface-1',
  devTyp: 'server',
  utc: true,
  supportLargeObjs: true,
  supportNumberOfChanges: true,
  dataStores: [
    {
      sourceRef: 'contacts',
      displayName: 'Contacts',
      maxGUIDSize: 64,
      rxPref: { ctType: 'text/vcard', verCT: '3.0' },
      rx: [{ ctType: 'text/x-vcard', verCT: '2.1' }],
      txPref: { ctType: 'text/vcard', verCT: '3.0' },
      tx: [{ ctType: 'text/x-vcard', verCT: '2.1' }],
      ctCaps: [
        {
          ctType: 'text/vcard',
          verCT: '3.0',
          fieldLevel: true,
          properties: [
            { propName: 'BEGIN', valEnum: ['VCARD'] },
            { propName: 'FN', maxSize: 255, noTruncate: true, displayName: 'Name' },
            { propName: 'TEL', maxOccur: 5, propParams: [{ paramName: 'TYPE', valEnum: ['HOME', 'WORK', 'CELL'], displayName: 'Kind' }] },
          ],
        },
      ],
      dsMem: { sharedMem: true, maxMem: 1_000_000, maxID: 100_000 },
      supportHierarchicalSync: true,
      syncCap: [1, 2, 3, 4, 5, 6, 7],
      filterRx: [{ ctType: 'syncml:filtertype-cgi', verCT: '1.0' }],
      filterCap: [{ ctType: 'syncml:filtertype-cgi', verCT: '1.0', filterKeywords: ['TEL'], propNames: ['FN'] }],
    },
  ],
  ext: [{ xNam: 'X-crm-token', xVal: ['v1', 'v2'] }],
};

const vcard = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Müller & Söhne <GmbH> ]]>\r\nEND:VCARD\r\n';

/** One message per command family, every optional element used at least once. */
export const roundTripMessages: SyncMLMessage[] = [
  {
    header: { ...header, noResp: true },
    body: [
      {
        kind: 'Alert',
        cmdID: 1,
        noResp: true,
        cred: { data: 'dG9rZW4=' },
        data: 200,
        correlator: 'c-1',
        items: [{ target: { locURI: 'contacts' }, source: { locURI: './contacts' }, meta: { anchor: { last: '20260101T000000Z', next: '20260102T000000Z' }, maxObjSize: 4_000_000 } }],
      },
      { kind: 'Put', cmdID: 2, lang: 'en', meta: { type: 'application/vnd.syncml-devinf+xml' }, items: [{ source: { locURI: './devinf12' }, data: { devInf } }] },
      { kind: 'Get', cmdID: 3, meta: { type: 'application/vnd.syncml-devinf+xml' }, items: [{ target: { locURI: './devinf12' } }] },
    ],
    final: true,
  },
  {
    header: { sessionID: header.sessionID, msgID: 2, target: header.source, source: header.target },
    body: [
      { kind: 'Status', cmdID: 1, msgRef: 1, cmdRef: 0, cmd: 'SyncHdr', targetRef: ['connector-7'], sourceRef: ['https://crm.example/syncml'], chal: { meta: { format: 'b64', type: 'syncml:auth-md5', nextNonce: 'Tm9uY2U=' } }, data: 407 },
      { kind: 'Status', cmdID: 2, msgRef: 1, cmdRef: 1, cmd: 'Alert', targetRef: ['contacts'], sourceRef: ['./contacts'], data: 200, items: [{ data: { anchor: { next: '20260102T000000Z' } } }] },
      { kind: 'Status', cmdID: 3, msgRef: 1, cmdRef: 2, cmd: 'Put', sourceRef: ['./devinf12'], cred: { data: 'x' }, data: 200 },
      { kind: 'Results', cmdID: 4, msgRef: 1, cmdRef: 3, meta: { type: 'application/vnd.syncml-devinf+xml' }, targetRef: 'x', sourceRef: './devinf12', items: [{ source: { locURI: './devinf12' }, data: { devInf } }] },
      { kind: 'Alert', cmdID: 5, data: 222, items: [] },
    ],
    final: false,
  },
  {
    header: { sessionID: 's', msgID: 3, target: { locURI: 't' }, source: { locURI: 's' } },
    body: [
      {
        kind: 'Sync',
        cmdID: 1,
        noResp: true,
        cred: { meta: { type: 'syncml:auth-basic' }, data: 'abc' },
        target: { locURI: 'contacts', locName: 'Contacts' },
        source: { locURI: './contacts' },
        meta: { maxObjSize: 100000 },
        numberOfChanges: 4,
        commands: [
          { kind: 'Add', cmdID: 2, meta: { type: 'text/vcard' }, items: [{ source: { locURI: 'L1' }, sourceParent: 'P0', meta: { size: 10, version: '3' }, data: vcard }] },
          { kind: 'Replace', cmdID: 3, noResp: true, items: [{ target: { locURI: 'G2' }, targetParent: 'P1', data: vcard }] },
          { kind: 'Delete', cmdID: 4, archive: true, softDelete: true, items: [{ target: { locURI: 'G3' } }] },
          { kind: 'Copy', cmdID: 5, items: [{ source: { locURI: 'L4' }, data: '' }] },
        ],
      },
      { kind: 'Add', cmdID: 6, items: [{ source: { locURI: 'L9' }, meta: { type: 'application/vnd.crm+xml', format: 'chr', mark: 'm', fieldLevel: true, emi: ['e1', 'e2'], mem: { sharedMem: true, freeMem: 100, freeID: 7 } }, data: '<person id="1">A &amp; B</person>', moreData: true }] },
      { kind: 'Replace', cmdID: 7, meta: { type: 'text/calendar' }, items: [{ target: { locURI: 'G9' }, data: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }] },
      { kind: 'Delete', cmdID: 8, items: [{ target: { locURI: 'G7' } }, { target: { locURI: 'G8' } }] },
      { kind: 'Map', cmdID: 9, target: { locURI: 'contacts' }, source: { locURI: './contacts' }, cred: { data: 'c' }, meta: { type: 'x' }, mapItems: [{ target: { locURI: 'G1' }, source: { locURI: 'L1' } }, { target: { locURI: 'G2' }, source: { locURI: 'L2' } }] },
      { kind: 'Sync', cmdID: 10, target: { locURI: 'calendar' }, source: { locURI: './calendar' }, commands: [] },
    ],
    final: true,
  },
];
