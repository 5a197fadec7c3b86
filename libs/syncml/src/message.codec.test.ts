import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, type SyncMLMessage } from './index.js';

const header = {
  sessionID: '42',
  msgID: 1,
  target: { locURI: 'http://crm.example/sync' },
  source: { locURI: 'connector-1', locName: 'alice' },
};

describe('smoke', () => {
  it('round-trips a minimal message', () => {
    const msg: SyncMLMessage = {
      header,
      body: [{ kind: 'Alert', cmdID: 1, data: 200, items: [{ target: { locURI: 'contacts' }, source: { locURI: 'c' }, meta: { anchor: { last: '1', next: '2' } } }] }],
      final: true,
    };
    const xml = encodeMessage(msg);
    expect(decodeMessage(xml)).toEqual(msg);
  });
});
