import { describe, expect, it } from 'vitest';
import { belongsToMailbox } from './crm-context.js';

const OWN = '3f0c8f9e-1d2a-4b7c-9e6f-0a1b2c3d4e5f';
const OTHER = '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d';
const activity = (responsible: string) => `<?xml version="1.0" encoding="UTF-8"?><activity version="1"><kind>meeting</kind><responsibleUserId>${responsible}</responsibleUserId><subject>S</subject></activity>`;

describe('belongsToMailbox', () => {
  it("keeps the user's own appointments and leaves others' (seen as a participant) to their owners", () => {
    expect(belongsToMailbox('appointment', activity(OWN), OWN)).toBe(true);
    expect(belongsToMailbox('appointment', activity(OTHER), OWN)).toBe(false);
  });

  it('does not judge other types, nor without the user id', () => {
    expect(belongsToMailbox('contact', '<contact version="1"/>', OWN)).toBe(true);
    expect(belongsToMailbox('appointment', activity(OTHER), undefined)).toBe(true);
  });
});
