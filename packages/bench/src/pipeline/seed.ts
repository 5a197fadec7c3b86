import type { E2eSystem } from '@connector/e2e';
import type { SeedItem } from '@connector/exchange-sim';
import { splitItems, type PipelineParams } from './params.js';

export function benchMailboxes(count: number) {
  return Array.from({ length: count }, (_, i) => ({ smtp: `user${i}@bench.example`, crmUser: `user${i}`, displayName: `Bench User ${i}` }));
}

/** Whole hours inside the appointment rule's default window (now … +365 days), spread over 300 days. */
function slot(i: number, hourUtc: number): [string, string] {
  const day = new Date(Date.now() + (1 + (i % 300)) * 86_400_000);
  day.setUTCHours(hourUtc + (i % 6), 0, 0, 0);
  const start = day.toISOString().replace('.000Z', 'Z');
  return [start, new Date(day.getTime() + 3_600_000).toISOString().replace('.000Z', 'Z')];
}

function crmAppointment(userId: string, i: number) {
  const [startAt, endAt] = slot(i, 8);
  return { kind: 'appointment' as const, responsibleUserId: userId, subject: `Customer visit ${i}`, location: `Room ${i % 40}`, startAt, endAt, bodyText: `Agenda ${i}: pricing, delivery, next steps.` };
}

function crmPerson(userId: string, i: number, mailbox: number) {
  return {
    responsibleUserId: userId, firstName: `Dana${i}`, lastName: `Customer${mailbox}`, jobTitle: 'Buyer',
    emails: [{ address: `dana${i}.m${mailbox}@customer.example`, kind: 'work' as const }], phones: [{ number: `+49 30 ${100000 + i}`, kind: 'work' as const }],
  };
}

function exchangeAppointment(i: number): SeedItem {
  const [Start, End] = slot(i, 14);
  return { kind: 'calendar', fields: { Subject: `Outlook meeting ${i}`, Start, End, Location: `Call ${i}`, Body: { type: 'Text', text: `Planned in Outlook (${i}).` } } };
}

/** Seeds every mailbox through the admin APIs (not counted as EWS writes or SyncML requests). */
export async function seedPipeline(e2e: E2eSystem, params: PipelineParams): Promise<void> {
  const split = splitItems(params);
  await Promise.all(e2e.mailboxes.map(async (mailbox, m) => {
    const userId = await e2e.crm.users.userId(mailbox.crmUser);
    const offset = m * params.items;
    await e2e.crm.activities.create(Array.from({ length: split.crmAppointments }, (_, i) => crmAppointment(userId, offset + i)));
    await e2e.crm.persons.create(Array.from({ length: split.contacts }, (_, i) => crmPerson(userId, i, m)));
    if (split.exchangeAppointments > 0) {
      await e2e.exchange.seedItems(mailbox.smtp, Array.from({ length: split.exchangeAppointments }, (_, i) => exchangeAppointment(offset + i)), 'calendar');
    }
  }));
}
