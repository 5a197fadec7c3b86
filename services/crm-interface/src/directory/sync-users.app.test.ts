import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONNECTOR_PRINCIPAL, createTokenSigner, generateKeyPair } from '@connector/crm-token';
import { createLogger } from '@connector/observability';
import { buildApp, type CrmInterfaceApp } from '../app.js';
import { createTestCrm, type TestCrm } from '../crm.test-support.js';

describe('CRM.interface directory', () => {
  const keys = generateKeyPair();
  const signer = createTokenSigner({ key: { algorithm: 'ed25519', privateKey: keys.privateKeyPem } });
  let crm: TestCrm;
  let built: CrmInterfaceApp;

  beforeAll(async () => {
    crm = await createTestCrm('crm_directory');
    await crm.db.query('DELETE FROM crm.app_user');
    built = await buildApp({ db: crm.db, tokenKeys: [{ algorithm: 'ed25519', publicKey: keys.publicKeyPem }], logger: createLogger({ service: 'crm-directory-test', level: 'silent' }) });
    await built.data.users.upsertMany([
      { login: 'alice', displayName: 'Alice', email: 'alice@demo.example', syncEnabled: true },
      { login: 'bob', displayName: 'Bob', email: 'bob@demo.example', syncEnabled: false },
    ]);
  });
  afterAll(async () => {
    await built.app.close();
    await crm.close();
  });

  it('lists the users enabled for sync from the CRM database', async () => {
    const response = await built.app.inject({ url: '/directory/sync-users', headers: { authorization: `CRM-Token ${signer.issue(CONNECTOR_PRINCIPAL)}` } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ users: [{ id: expect.any(String), login: 'alice', email: 'alice@demo.example', syncEnabled: true }] });
  });
});
