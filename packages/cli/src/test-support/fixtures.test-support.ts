import { domainItemSchema, type ChangeJob } from '@connector/core';

export const appointment = domainItemSchema.parse({
  type: 'appointment',
  subject: 'Visit',
  start: '2026-11-26T09:00:00+01:00',
  end: '2026-11-26T10:00:00+01:00',
  timeZone: 'Europe/Berlin',
});

/** A valid change job of an Exchange appointment, as a poller enqueues it. */
export function changeJob(mailbox: string, itemId: string): ChangeJob {
  return {
    v: 1,
    origin: 'exchange',
    mailbox,
    crmUser: mailbox.split('@')[0]!,
    objectType: 'appointment',
    cycleId: 'c1',
    kind: 'upsert',
    exchange: { itemId, changeKey: 'CK1' },
    item: appointment,
    observedAt: '2026-11-25T10:00:00+00:00',
  };
}
