import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { CONNECTOR_PRINCIPAL, MemoryNonceStore, createTokenSigner, createTokenVerifier, generateKeyPair } from '@connector/crm-token';
import { registerSyncUsersRoute } from './sync-users.route.js';

const keys = generateKeyPair();
const other = generateKeyPair();
const signer = createTokenSigner({ key: { algorithm: 'ed25519', privateKey: keys.privateKeyPem } });

async function app() {
  const instance = Fastify();
  const calls: unknown[] = [];
  registerSyncUsersRoute(instance, {
    verifier: createTokenVerifier({ keys: [{ algorithm: 'ed25519', publicKey: keys.publicKeyPem }], nonceStore: new MemoryNonceStore() }),
    users: {
      async list(filter) {
        calls.push(filter);
        return [{ id: 'u-1', login: 'alice', email: 'alice@demo.example', syncEnabled: true }];
      },
    },
  });
  return { instance, calls };
}

describe('GET /directory/sync-users', () => {
  it('lists sync-enabled users for the connector principal only', async () => {
    const { instance, calls } = await app();
    const ok = await instance.inject({ url: '/directory/sync-users', headers: { authorization: `CRM-Token ${signer.issue(CONNECTOR_PRINCIPAL)}` } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ users: [{ id: 'u-1', login: 'alice', email: 'alice@demo.example', syncEnabled: true }] });
    expect(calls).toEqual([{ syncEnabled: true }]);
    const asUser = await instance.inject({ url: '/directory/sync-users', headers: { authorization: `CRM-Token ${signer.issue('alice')}` } });
    expect(asUser.statusCode).toBe(403);
  });

  it('refuses missing, replayed and foreign-key tokens', async () => {
    const { instance, calls } = await app();
    expect((await instance.inject({ url: '/directory/sync-users' })).statusCode).toBe(401);
    const token = signer.issue(CONNECTOR_PRINCIPAL);
    await instance.inject({ url: '/directory/sync-users', headers: { authorization: `CRM-Token ${token}` } });
    const replay = await instance.inject({ url: '/directory/sync-users', headers: { authorization: `CRM-Token ${token}` } });
    expect(replay.statusCode).toBe(401);
    const foreign = createTokenSigner({ key: { algorithm: 'ed25519', privateKey: other.privateKeyPem } }).issue(CONNECTOR_PRINCIPAL);
    expect((await instance.inject({ url: '/directory/sync-users', headers: { authorization: `CRM-Token ${foreign}` } })).statusCode).toBe(401);
    expect(calls).toHaveLength(1);
  });
});
