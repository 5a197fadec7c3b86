import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_HOOK_TIMEOUT_MS, startE2eSystem, type E2eSystem } from '../harness/e2e-system.js';
import { START_TIMEOUT_MS } from './scenario.test-support.js';

const KIM = 'kim@e2e.example'; // default contact rule: own persons and favourites into /<contacts>/CRM
const LEA = 'lea@e2e.example'; // her sales group's customers, into her own folder

describe('contacts CRM → Exchange', () => {
  let e2e: E2eSystem;
  const ids: Record<string, string> = {};
  const cycle = (mailbox: string) => e2e.runCycle({ mailbox, type: 'contact' });
  const contacts = async (smtp: string, folder: string) => (await e2e.exchange.items(smtp, folder)).filter((i) => i.kind === 'contact');
  const named = async (smtp: string, folder: string, givenName: string) => (await contacts(smtp, folder)).filter((c) => c.fields.GivenName === givenName);

  beforeAll(async () => {
    const mailboxes = [
      { smtp: KIM, crmUser: 'kim', displayName: 'Kim Keller' },
      { smtp: LEA, crmUser: 'lea', displayName: 'Lea Lang', salesGroup: 'north' },
    ];
    e2e = await startE2eSystem({
      label: 'contacts',
      launcher: { startTimeoutMs: START_TIMEOUT_MS },
      mailboxes,
      configOverrides: {
        mailboxes: {
          list: [
            { smtp: KIM, crmUser: 'kim' },
            {
              smtp: LEA,
              crmUser: 'lea',
              overrides: { contact: { folder: '/<contacts>/Lea CRM', filter: { responsibleRep: false, favourites: false, salesGroup: true, contactTypes: ['customer'] } } },
            },
          ],
        },
      },
      seed: async ({ crm }) => {
        const [kim] = await crm.users.list({ login: 'kim' });
        const [max] = await crm.users.upsert([{ login: 'max', displayName: 'Max Moor', salesGroup: 'north', syncEnabled: false }]);
        const acme = await crm.companies.createOne({ name: 'Acme GmbH', responsibleUserId: kim!.id });
        ids.karl = await crm.persons.createOne({
          firstName: 'Karl', lastName: 'Kunde', companyId: acme, jobTitle: 'Buyer', responsibleUserId: kim!.id,
          emails: [{ address: 'karl@acme.example', kind: 'work' }], phones: [{ number: '+49 30 111', kind: 'work' }],
        });
        ids.lars = await crm.persons.createOne({ firstName: 'Lars', lastName: 'Leaving', responsibleUserId: kim!.id });
        ids.fiona = await crm.persons.createOne({ firstName: 'Fiona', lastName: 'Favourite', responsibleUserId: null });
        ids.otto = await crm.persons.createOne({ firstName: 'Otto', lastName: 'Other', responsibleUserId: null });
        await crm.favourites.add([{ userId: kim!.id, personId: ids.fiona }]);
        ids.cora = await crm.persons.createOne({ firstName: 'Cora', lastName: 'Customer', contactType: 'customer', shared: true, responsibleUserId: max!.id });
        ids.sven = await crm.persons.createOne({ firstName: 'Sven', lastName: 'Supplier', contactType: 'supplier', shared: true, responsibleUserId: max!.id });
      },
    });
  }, E2E_HOOK_TIMEOUT_MS);
  afterAll(() => e2e?.close(), E2E_HOOK_TIMEOUT_MS);

  it("writes the user's own persons and favourites, with their company, into the created contacts folder", async () => {
    await cycle(KIM);
    expect((await e2e.exchange.folders(KIM)).filter((f) => f.displayName === 'CRM' && f.folderClass === 'IPF.Contact')).toHaveLength(1);
    const names = (await contacts(KIM, 'contacts/CRM')).map((c) => c.fields.GivenName).sort();
    expect(names).toEqual(['Fiona', 'Karl', 'Lars']);
    const [karl] = await named(KIM, 'contacts/CRM', 'Karl');
    expect(karl!.fields).toMatchObject({ Surname: 'Kunde', CompanyName: 'Acme GmbH', JobTitle: 'Buyer' });
    expect(JSON.stringify(karl!.fields.EmailAddresses)).toContain('karl@acme.example');
    await e2e.assertQuietCycle({ mailbox: KIM, type: 'contact' });
  });

  it('filters by sales group and contact type into a per-user folder', async () => {
    await cycle(LEA);
    expect((await contacts(LEA, 'contacts/Lea CRM')).map((c) => c.fields.GivenName)).toEqual(['Cora']);
    await e2e.assertQuietCycle({ mailbox: LEA, type: 'contact' });
  });

  it('updates in place, overwrites Outlook edits, recreates Outlook deletes, removes CRM deletes and persons leaving the filter', async () => {
    const [karl] = await named(KIM, 'contacts/CRM', 'Karl');
    await e2e.crm.persons.update(ids.karl!, { jobTitle: 'Head of Purchasing' });
    await cycle(KIM);
    expect((await e2e.exchange.item(karl!.id)).fields.JobTitle).toBe('Head of Purchasing');

    await e2e.exchange.asUser.update(karl!.id, { fields: { JobTitle: 'Edited in Outlook' } });
    await cycle(KIM);
    expect((await e2e.exchange.item(karl!.id)).fields.JobTitle).toBe('Head of Purchasing');

    const [fiona] = await named(KIM, 'contacts/CRM', 'Fiona');
    await e2e.exchange.asUser.delete(fiona!.id);
    await cycle(KIM);
    expect(await named(KIM, 'contacts/CRM', 'Fiona')).toHaveLength(1);

    await e2e.crm.persons.delete(ids.karl!);
    await e2e.crm.persons.update(ids.lars!, { responsibleUserId: null });
    await cycle(KIM);
    expect((await contacts(KIM, 'contacts/CRM')).map((c) => c.fields.GivenName)).toEqual(['Fiona']);
    await e2e.assertQuietCycle({ mailbox: KIM, type: 'contact' });
  });
});
