import { describe, expect, it } from 'vitest';
import { filingPlan, MAX_WHOLE_MAIL_BYTES } from './email-filing.processor.js';

const attachment = (sizeBytes: number) => ({ id: 'a', fileName: 'a.bin', contentType: 'application/octet-stream', sizeBytes, isInline: false });

describe('filingPlan', () => {
  it('files a mail under the limit whole, over it without attachments if the rest fits, else not at all', () => {
    expect(filingPlan({ sizeBytes: 1_000, attachments: [attachment(800)] }, 1_000)).toBe('whole');
    expect(filingPlan({ sizeBytes: 5_000, attachments: [attachment(3_000), attachment(1_500)] }, 1_000)).toBe('without-attachments');
    expect(filingPlan({ sizeBytes: 5_000, attachments: [attachment(3_000)] }, 1_000)).toBe('too-large');
    expect(filingPlan({ sizeBytes: 5_000, attachments: [] }, 1_000)).toBe('too-large');
  });

  it('files a mail CRM.interface cannot take whole without attachments, even under a larger limit', () => {
    const big = { sizeBytes: MAX_WHOLE_MAIL_BYTES + 1, attachments: [attachment(MAX_WHOLE_MAIL_BYTES)] };
    expect(filingPlan(big, 25 * 1024 * 1024)).toBe('without-attachments');
  });
});
