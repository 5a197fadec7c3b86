import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage, LargeObjectAssembler, splitIntoMessages, type Add, type CommandDraft, type SyncMLMessage } from './index.js';

const header = { sessionID: 'p', msgID: 1, target: { locURI: 'srv' }, source: { locURI: 'cli' } };
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text XML can carry, biased towards the characters that need escaping or split CDATA. */
const xmlText = fc
  .array(fc.oneof(fc.constantFrom(']]>', '\r\n', '\r', '&amp;', '<', '>', '&', '"', "'", '€', '𝄞', ' '), fc.string({ unit: 'binary', maxLength: 20 })), { maxLength: 30 })
  .map((parts) => parts.join('').replace(FORBIDDEN, '?'));

describe('properties', () => {
  it('any carried text survives encode → decode exactly, escaped or as CDATA', () => {
    fc.assert(
      fc.property(xmlText, fc.boolean(), (data, cdata) => {
        const message: SyncMLMessage = { header, body: [{ kind: 'Add', cmdID: 1, items: [{ source: { locURI: 'x' }, data }] }], final: true };
        const decoded = decodeMessage(encodeMessage(message, { cdata }));
        expect((decoded.body[0] as Add).items[0]?.data).toBe(data);
      }),
      { numRuns: 300 },
    );
  });

  it('any package splits under any MaxMsgSize and reassembles item by item, in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(xmlText, fc.integer({ min: 0, max: 6000 })), { minLength: 1, maxLength: 25 }),
        fc.integer({ min: 1200, max: 12000 }),
        fc.boolean(),
        (specs, maxMsgSize, cdata) => {
          const datas = specs.map(([text, pad]) => text + 'é'.repeat(pad));
          const drafts: CommandDraft[] = [{ kind: 'Sync', target: { locURI: 'notes' }, commands: datas.map((data, i) => ({ kind: 'Add', items: [{ source: { locURI: `L${i}` }, data }] })) }];
          const messages = splitIntoMessages(header, drafts, true, { maxMsgSize, encode: { cdata }, minChunk: 16 });
          const asm = new LargeObjectAssembler();
          const received: string[] = [];
          for (const m of messages) {
            const xml = encodeMessage(m, { cdata });
            expect(Buffer.byteLength(xml)).toBeLessThanOrEqual(maxMsgSize);
            for (const c of decodeMessage(xml).body) {
              if (c.kind !== 'Sync') continue;
              for (const add of c.commands) {
                for (const item of add.items) {
                  const r = asm.accept(item);
                  expect(r.state).not.toBe('error');
                  if (r.state === 'complete') received.push(String(r.item.data));
                }
              }
            }
          }
          expect(received).toEqual(datas);
          expect(messages.at(-1)?.final).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
