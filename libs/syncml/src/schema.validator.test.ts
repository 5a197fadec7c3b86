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

  it('validates more than one xmllint batch and keeps the indexes of later batches', async () => {
    const big: SyncMLMessage = {
      header,
      body: [{ kind: 'Add', cmdID: 1, items: [{ source: { locURI: 'luid-1' }, data: 'x'.repeat(1024 * 1024) }] }],
      final: true,
    };
    const xml = encodeMessage(big);
    const broken = xml.replace('<CmdID>1</CmdID>', '');
    const messages = [...Array.from({ length: 10 }, () => xml), broken];
    const report = await validateSyncmlMessages(messages);
    expect(report.valid).toBe(false);
    expect(report.invalid).toEqual([10]);
  });
});
