import { describe, expect, it } from 'vitest';
import { takeOriginalMime } from './email-filing.js';

describe('takeOriginalMime', () => {
  it('cuts the original message out of an e-mail record, whitespace in the base64 dropped', () => {
    const xml = '<?xml version="1.0"?><activity version="1"><subject>Hi</subject><originalMime>SGVs\r\nbG8=</originalMime></activity>';
    expect(takeOriginalMime(xml)).toEqual({ xml: '<?xml version="1.0"?><activity version="1"><subject>Hi</subject></activity>', mimeBase64: 'SGVsbG8=' });
  });

  it('leaves a record without one as it is', () => {
    const xml = '<activity version="1"><subject>Hi</subject></activity>';
    expect(takeOriginalMime(xml)).toEqual({ xml });
  });
});
