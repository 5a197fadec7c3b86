import type { MailboxStore } from '../store/mailbox-store.js';
import { seedItems } from '../admin/seed.js';

const DAY = 86_400_000;

function at(daysFromNow: number, hourUtc: number): string {
  const d = new Date(Date.now() + daysFromNow * DAY);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function mime(from: string, to: string, subject: string, body: string, id: string): string {
  return Buffer.from(
    `From: ${from}\r\nTo: ${to}\r\nSubject: ${subject}\r\nMessage-ID: <${id}@demo.example>\r\n` +
      `Date: ${new Date(Date.now() - DAY).toUTCString()}\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset="utf-8"\r\n\r\n${body}\r\n`,
  ).toString('base64');
}

/** A few realistic mailboxes for demos: two users, a German one, and the connector's service account. */
export function seedDemo(store: MailboxStore): void {
  const alice = store.createMailbox({ smtp: 'alice@demo.example', password: 'alice-pass', displayName: 'Alice Anders' });
  store.createMailbox({ smtp: 'bob@demo.example', password: 'bob-pass', displayName: 'Bob Berger' });
  const carla = store.createMailbox({ smtp: 'carla@demo.example', password: 'carla-pass', displayName: 'Carla Conrad', locale: 'de-DE' });
  store.createMailbox({ smtp: 'svc-connector@demo.example', password: 'svc-pass', displayName: 'Connector Service', canImpersonate: true });
  store.createFolder(alice, alice.distinguished.get('inbox'), 'CRM', 'IPF.Note');

  seedItems(store, alice, 'inbox', [
    { kind: 'message', fields: {}, mime: mime('Dana Diaz <dana@customer.example>', 'Alice Anders <alice@demo.example>', 'Offer for Q3', 'Hello Alice,\r\nplease find our offer attached.', 'offer-q3') },
    { kind: 'message', fields: {}, mime: mime('Bob Berger <bob@demo.example>', 'Alice Anders <alice@demo.example>', 'Lunch?', 'Thai place at noon?', 'lunch-1') },
  ]);
  seedItems(store, alice, 'inbox/CRM', [
    { kind: 'message', fields: {}, mime: mime('Erik Eng <erik@customer.example>', 'Alice Anders <alice@demo.example>', 'Contract signed', 'Signed contract is on its way.', 'contract-1') },
  ]);
  seedItems(store, alice, 'calendar', [
    {
      kind: 'calendar',
      fields: {
        Subject: 'Customer visit Dana Diaz', Start: at(2, 9), End: at(2, 11), Location: 'Customer HQ',
        StartTimeZone: { id: 'W. Europe Standard Time' }, RequiredAttendees: [{ email: 'dana@customer.example', name: 'Dana Diaz', response: 'Accept' }],
      },
    },
    {
      kind: 'calendar',
      fields: {
        Subject: 'Weekly sales sync', Start: at(-14, 8), End: at(-14, 9), StartTimeZone: { id: 'W. Europe Standard Time' },
        Recurrence: { pattern: { type: 'Weekly', interval: 1, daysOfWeek: [new Date(Date.now() - 14 * DAY).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' })] }, range: { type: 'NoEnd', startDate: at(-14, 8).slice(0, 10) } },
        RequiredAttendees: [{ email: 'bob@demo.example', name: 'Bob Berger', response: 'Accept' }],
      },
    },
    { kind: 'calendar', fields: { Subject: 'Vacation', Start: at(20, 0), End: at(25, 0), IsAllDayEvent: true, LegacyFreeBusyStatus: 'OOF', Sensitivity: 'Private' } },
  ]);
  seedItems(store, alice, 'contacts', [
    {
      kind: 'contact',
      fields: {
        GivenName: 'Dana', Surname: 'Diaz', CompanyName: 'Customer Corp', JobTitle: 'Head of Purchasing',
        EmailAddresses: { EmailAddress1: 'dana@customer.example' }, PhoneNumbers: { BusinessPhone: '+49 30 1234567' },
        PhysicalAddresses: { Business: { Street: 'Hauptstr. 1', City: 'Berlin', PostalCode: '10115', CountryOrRegion: 'Germany' } },
      },
    },
  ]);
  seedItems(store, alice, 'tasks', [
    { kind: 'task', fields: { Subject: 'Send revised offer', DueDate: at(3, 17), Status: 'InProgress', PercentComplete: 50, Importance: 'High' } },
  ]);
  seedItems(store, carla, 'calendar', [
    { kind: 'calendar', fields: { Subject: 'Kundentermin München', Start: at(4, 12), End: at(4, 13), StartTimeZone: { id: 'W. Europe Standard Time' }, Location: 'München' } },
  ]);
}
