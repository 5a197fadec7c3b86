import { describe, expect, it } from 'vitest';
import { encodeMessage, type SyncMLMessage } from './index.js';
import { validateSyncmlMessages } from './schema.validator.js';

const header = { sessionID: '1', msgID: 1, target: { locURI: 'http://crm.example/sync' }, source: { locURI: 'c1' } };

describe('validateSyncmlMessages', () => {
  it('accepts an encoded message and reports a broken one by index', async () => {
    const ok: SyncMLMessage = { header, body: [{ kind: 'Alert', cmdID: 1, data: 200, items: [{ target: { locURI: 'contacts' }, meta: { anchor: { next: '1' } } }] }], final: true };
    const xml = encodeMessage(ok);
    const broken = xml.replace('<CmdID>1</CmdID><Data>200</Data>', '<Data>200</Data><CmdID>1</CmdID>');
    const report = await validateSyncmlMessages([xml, broken]);
    expect(report.invalid).toEqual([1]);
    expect(report.issues[0]?.message).toMatch(/Data/);
  });
});
