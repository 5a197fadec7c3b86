import { afterAll, describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, LargeObjectAssembler, splitIntoMessages, type Add, type Item, type SyncDraft } from './index.js';
import { SyncmlWireRecorder } from './syncml.test-support.js';

const wire = new SyncmlWireRecorder();
afterAll(() => wire.assertAllValid());

const header = { sessionID: 's1', msgID: 1, target: { locURI: 'http://crm.example/sync' }, source: { locURI: 'connector' } };

function vcard(i: number): string {
  return `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person ${i} <&>\r\nN:${i};Person;;;\r\nEMAIL:p${i}@example.com\r\nEND:VCARD\r\n`;
}

describe('splitIntoMessages', () => {
  it('splits 1,000 adds under 16 KiB, each item exactly once, Final only on the last', () => {
    const sync: SyncDraft = {
      kind: 'Sync',
      target: { locURI: 'contacts' },
      source: { locURI: './contacts' },
      numberOfChanges: 1000,
      commands: Array.from({ length: 1000 }, (_, i) => ({
        kind: 'Add' as const,
        meta: { type: 'text/vcard' },
        items: [{ source: { locURI: `luid-${i}` }, data: vcard(i) }],
      })),
    };
    const messages = splitIntoMessages(header, [{ kind: 'Alert', data: 200, items: [] }, sync], true, { maxMsgSize: 16384 });
    expect(messages.length).toBeGreaterThan(5);
    const seen: string[] = [];
    let total = 0;
    messages.forEach((m, idx) => {
      const xml = encodeMessage(m);
      wire.record(xml, `1000 adds, message ${idx + 1}`);
      total += Buffer.byteLength(xml);
      expect(Buffer.byteLength(xml)).toBeLessThanOrEqual(16384);
      expect(m.final).toBe(idx === messages.length - 1);
      expect(m.header.msgID).toBe(idx + 1);
      const decoded = decodeMessage(xml);
      for (const c of decoded.body) {
        if (c.kind !== 'Sync') continue;
        for (const add of c.commands as Add[]) for (const item of add.items) {
          expect(item.data).toBe(vcard(Number(item.source?.locURI.slice(5))));
          seen.push(item.source?.locURI ?? '');
        }
      }
    });
    expect(seen).toEqual(Array.from({ length: 1000 }, (_, i) => `luid-${i}`));
    // Messages are filled: on average at least 90% of MaxMsgSize is used.
    expect(total / messages.length).toBeGreaterThan(0.9 * 16384);
  });

  it('sends a 5 MB item in MoreData chunks that reassemble exactly', () => {
    const big = Array.from({ length: 5 * 1024 * 1024 / 64 }, (_, i) => `line ${i} äöü € & <x> ]]>`.padEnd(60, '.') + '\r\n').join('');
    const item: Item = { source: { locURI: 'mail-1' }, meta: { type: 'message/rfc822' }, data: big };
    const messages = splitIntoMessages(header, [{ kind: 'Add', items: [item] }], true, { maxMsgSize: 64 * 1024 });
    const asm = new LargeObjectAssembler();
    let result;
    for (const [i, m] of messages.entries()) {
      const xml = encodeMessage(m);
      wire.record(xml, `5 MB item, message ${i + 1}`);
      expect(Buffer.byteLength(xml)).toBeLessThanOrEqual(64 * 1024);
      const add = decodeMessage(xml).body[0] as Add;
      const received = add.items[0] as Item;
      if (i === 0) expect(received.meta?.size).toBe(Buffer.byteLength(big));
      else expect(received.meta?.size).toBeUndefined();
      result = asm.accept(received);
      expect(result.state).toBe(i === messages.length - 1 ? 'complete' : 'chunk');
    }
    expect(result?.state === 'complete' && result.item.data === big).toBe(true);
  });
});
