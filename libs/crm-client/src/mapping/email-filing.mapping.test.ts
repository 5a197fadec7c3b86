import { describe, expect, it } from 'vitest';
import type { Email } from '@connector/core';
import { filedEmailToNative } from './email-filing.mapping.js';

const mail: Email = {
  type: 'email', internetMessageId: '<m1@acme.example>', subject: 'Offer', direction: 'incoming', importance: 'normal', sensitivity: 'normal',
  to: [{ address: 'ann@demo.example' }], cc: [], bcc: [], isDraft: false, references: [], categories: [], sizeBytes: 10, attachments: [],
};

describe('filedEmailToNative', () => {
  it('appends the original message and the omission flag to the e-mail record', () => {
    const xml = filedEmailToNative(mail, { originalMimeBase64: 'SGVsbG8=' });
    expect(xml).toMatch(/<attachmentsOmitted>false<\/attachmentsOmitted><originalMime>SGVsbG8=<\/originalMime><\/activity>$/);
    expect(xml).toContain('<internetMessageId>&lt;m1@acme.example&gt;</internetMessageId>');
  });

  it('sends no original for a mail filed without its attachments', () => {
    const xml = filedEmailToNative(mail, { attachmentsOmitted: true });
    expect(xml).toMatch(/<attachmentsOmitted>true<\/attachmentsOmitted><\/activity>$/);
    expect(xml).not.toContain('originalMime');
  });
});
