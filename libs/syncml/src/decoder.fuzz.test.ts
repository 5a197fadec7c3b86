import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roundTripMessages } from './fixtures.test-support.js';
import { decodeMessage, encodeMessage, SyncmlError } from './index.js';

const samples = roundTripMessages.map((m) => encodeMessage(m));

/** Decoding never fails with anything but a SyncmlError (no TypeError, no RangeError, no hang). */
function decodesOrRefuses(xml: string): void {
  try {
    decodeMessage(xml, { maxBytes: 1_000_000 });
  } catch (error) {
    if (!(error instanceof SyncmlError)) throw error;
  }
}

describe('fuzzed input', () => {
  it('arbitrary strings are decoded or refused with a SyncmlError', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => decodesOrRefuses(s)), { numRuns: 100 });
  });

  it('mutated valid messages are decoded or refused with a SyncmlError', () => {
    const mutation = fc.tuple(
      fc.constantFrom(...samples),
      fc.array(
        fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.oneof(fc.constantFrom('', '<', '>', '&', '</', '/>', '<![CDATA[', ']]>', '<!--', '<?', '"', '&#', ':', 'x:'), fc.string({ maxLength: 5 }))),
        { minLength: 1, maxLength: 4 },
      ),
    );
    fc.assert(
      fc.property(mutation, ([xml, edits]) => {
        let s = xml;
        for (const [at, del, ins] of edits) {
          const pos = at % (s.length + 1);
          s = s.slice(0, pos) + ins + s.slice(pos + del);
        }
        decodesOrRefuses(s);
      }),
      { numRuns: 1000 },
    );
  });

  it('still decodes every unmutated sample', () => {
    for (const xml of samples) expect(() => decodeMessage(xml)).not.toThrow();
  });
});
