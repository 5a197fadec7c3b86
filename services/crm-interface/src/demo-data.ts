import { randomUUID } from 'node:crypto';
import { fromLocal, toLocal } from './formats/time-zones.js';
import type { CrmData } from './repositories/crm-data.js';

/** Arbitrary but fixed: instances starting together with --demo seed once. */
const DEMO_LOCK_KEY = 720_103;
const TZ = 'Europe/Berlin';

/** Monday 00:00 UTC of the current week plus `days` and `hours`, so the demo always sits in the sync window. */
function at(days: number, hours = 0, now = new Date()): string {
  const monday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - ((now.getUTCDay() + 6) % 7));
  return new Date(monday + days * 86_400_000 + hours * 3_600_000).toISOString();
}
const day = (days: number) => at(days).slice(0, 10);

/** Start of the k-th weekly occurrence of a series that begins at `first`, same wall-clock time in TZ (DST-safe). */
function weekly(first: string, k: number): string {
  const local = toLocal(new Date(first), TZ);
  const shifted = new Date(Date.UTC(local.year, local.month - 1, local.day + 7 * k));
  return fromLocal({ ...local, year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() }, TZ).toISOString();
}
const plusHours = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

/**
 * A small, realistic CRM: three reps of sales group "North", companies with contacts, appointments
 * (one weekly series with a moved and a deleted occurrence), tasks and absences. Only into an empty
 * database, so a restart keeps whatever the demo changed. Returns whether it seeded.
 */
export async function seedDemoData(data: CrmData): Promise<boolean> {
  return data.db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [DEMO_LOCK_KEY]);
    const { rows } = await tx.query<{ n: string }>('SELECT count(*) AS n FROM crm.app_user');
    if (Number(rows[0]!.n) > 0) return false;

    const users = ['alice', 'bob', 'carla'].map((name) => ({ id: randomUUID(), name, login: `${name}@demo.example` }));
    const [alice, bob, carla] = users as [typeof users[0], typeof users[0], typeof users[0]];
    for (const u of users)
      await tx.query(
        `INSERT INTO crm.app_user (id, login, display_name, email, sales_group) VALUES ($1, $2, $3, $2, 'North')`,
        [u.id, u.login, u.name[0]!.toUpperCase() + u.name.slice(1)],
      );

    const company = (name: string, owner: string, city: string, website: string) => ({
      id: randomUUID(), name, responsibleUserId: owner, website,
      addresses: [{ kind: 'work' as const, street: 'Industriestraße 1', city, postalCode: '10115', region: null, country: 'Germany' }],
      phones: [{ kind: 'work' as const, number: '+49 30 555 0100' }],
    });
    const acme = company('ACME Maschinenbau GmbH', alice.id, 'Berlin', 'https://acme.example');
    const globex = company('Globex AG', bob.id, 'Hamburg', 'https://globex.example');
    const initech = company('Initech Ltd', carla.id, 'Bremen', 'https://initech.example');
    await data.companies.insertMany(tx, [acme, globex, initech]);

    const person = (first: string, last: string, companyId: string, owner: string, domain: string, jobTitle: string) => ({
      id: randomUUID(), firstName: first, lastName: last, companyId, responsibleUserId: owner, jobTitle, contactType: 'customer',
      emails: [{ kind: 'work' as const, address: `${first.toLowerCase()}.${last.toLowerCase()}@${domain}` }],
      phones: [{ kind: 'work' as const, number: '+49 30 555 0111' }, { kind: 'mobile' as const, number: '+49 170 555 0111' }],
    });
    const cora = person('Cora', 'Customer', acme.id, alice.id, 'acme.example', 'Head of Purchasing');
    const dirk = person('Dirk', 'Decider', acme.id, alice.id, 'acme.example', 'CEO');
    const greta = person('Greta', 'Globex', globex.id, bob.id, 'globex.example', 'Buyer');
    const hank = person('Hank', 'Hansen', globex.id, bob.id, 'globex.example', 'Engineer');
    const ina = person('Ina', 'Initech', initech.id, carla.id, 'initech.example', 'Project Lead');
    await data.persons.insertMany(tx, [cora, dirk, greta, hank, ina]);
    await tx.query('INSERT INTO crm.favourite (user_id, person_id) VALUES ($1, $2), ($1, $3), ($4, $5)', [alice.id, greta.id, ina.id, bob.id, cora.id]);

    const attendee = (p: { id: string; firstName: string; emails: { address: string }[] }, response: 'accepted' | 'none' = 'none') => ({
      personId: p.id, userId: null, address: p.emails[0]!.address, name: p.firstName, role: 'required' as const, response,
    });
    await data.activities.insertMany(tx, [
      { kind: 'visit', responsibleUserId: alice.id, personId: cora.id, companyId: acme.id, subject: 'Visit ACME: maintenance contract',
        startAt: at(1, 8), endAt: at(1, 10), timeZone: TZ, location: 'ACME, Berlin', reminderMinutes: 30, busyStatus: 'busy',
        participants: [attendee(cora, 'accepted')], organizer: { userId: alice.id, address: alice.login, name: 'Alice' } },
      { kind: 'meeting', responsibleUserId: alice.id, subject: 'Weekly sales review', startAt: at(0, 8), endAt: at(0, 9), timeZone: TZ,
        location: 'Room North', busyStatus: 'busy', reminderMinutes: 15, organizer: { userId: alice.id, address: alice.login, name: 'Alice' },
        participants: [
          { personId: null, userId: bob.id, address: bob.login, name: 'Bob', role: 'required', response: 'accepted' },
          { personId: null, userId: carla.id, address: carla.login, name: 'Carla', role: 'optional', response: 'tentative' },
        ],
        recurrence: { rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=12', deletedOccurrences: [weekly(at(0, 8), 2)] },
        exceptions: [{ originalStart: weekly(at(0, 8), 1), startAt: plusHours(weekly(at(0, 8), 1), 5), endAt: plusHours(weekly(at(0, 8), 1), 6), location: 'Room South' }] },
      { kind: 'appointment', responsibleUserId: bob.id, private: true, subject: 'Dentist', startAt: at(2, 14), endAt: at(2, 15), timeZone: TZ, busyStatus: 'out-of-office' },
      { kind: 'call', responsibleUserId: bob.id, personId: greta.id, companyId: globex.id, subject: 'Call Globex about the offer', startAt: at(3, 9), endAt: at(3, 9.5), timeZone: TZ },
      { kind: 'meeting', responsibleUserId: carla.id, personId: ina.id, companyId: initech.id, subject: 'Initech kick-off', startAt: at(4, 12), endAt: at(4, 14),
        timeZone: TZ, participants: [attendee(ina)], missingParticipants: true, unresolvedAddresses: { required: ['someone@unknown.example'], optional: [], unknown: [] } },
    ]);

    await data.tasks.insertMany(tx, [
      { responsibleUserId: alice.id, personId: cora.id, companyId: acme.id, subject: 'Send maintenance offer to ACME', dueDate: day(2), priority: 'high', status: 'in-progress', percentComplete: 50, startDate: day(0) },
      { responsibleUserId: alice.id, subject: 'Prepare quarterly forecast', dueDate: day(9), status: 'open' },
      { responsibleUserId: bob.id, personId: greta.id, companyId: globex.id, subject: 'Follow up Globex quote', dueDate: day(1), status: 'waiting', reminderAt: at(1, 7) },
      { responsibleUserId: carla.id, subject: 'Update Initech contact list', dueDate: day(-2), status: 'completed', percentComplete: 100, completedAt: at(-3, 15) },
    ]);
    await data.absences.insertMany(tx, [
      { responsibleUserId: bob.id, type: 'vacation', startAt: at(10), endAt: at(15), allDay: true, timeZone: TZ, note: 'Skiing' },
      { responsibleUserId: carla.id, type: 'training', startAt: at(3, 7), endAt: at(3, 15), allDay: false, timeZone: TZ },
    ]);
    return true;
  });
}
