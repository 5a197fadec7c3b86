import { domainItemSchema, type DomainItem } from '@connector/core';

export const MAILBOX = 'alice@demo.example';
export const OTHER_MAILBOX = 'bob@demo.example';

export const appointment: DomainItem = domainItemSchema.parse({
  type: 'appointment',
  subject: 'Visit',
  start: '2026-11-26T09:00:00+01:00',
  end: '2026-11-26T10:00:00+01:00',
  timeZone: 'Europe/Berlin',
});

let counter = 0;
/** A unique source id per call, so contract tests never collide inside one store. */
export function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}
