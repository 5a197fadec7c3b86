import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CrmAuthError } from '@connector/crm-client';
import { createTokenSigner, generateKeyPair } from '@connector/crm-token';
import { RawSyncmlClient, basicCred, headerStatus, md5Cred, statuses, tokenCred } from './raw-client.test-support.js';
import { md5Credential, nativePayload, startSyncmlServer, type SyncmlTestServer } from './syncml.test-support.js';

const ALICE = 'alice@demo.example';
let server: SyncmlTestServer;
let keys: ReturnType<typeof generateKeyPair>;

beforeAll(async () => {
  server = await startSyncmlServer('syncml_auth');
  await server.crm.data.users.upsertMany([{ login: 'phone@demo.example', displayName: 'Phone User', password: 'secret-pw', allowMd5Auth: true }]);
  keys = generateKeyPair();
});
afterEach(async () => {
  await server.wire.assertAllValid();
  server.wire.clear();
});
afterAll(async () => {
  await server.close();
});

/** Package 1 and 3 in one message: an Alert and a Sync adding a contact, under the given Cred. */
function initAndAdd(luid: string): string {
  const anchor = `<Meta><Anchor xmlns='syncml:metinf'><Next>${luid}</Next></Anchor></Meta>`;
  return (
    `<Alert><CmdID>1</CmdID><Data>201</Data><Item><Target><LocURI>contacts</LocURI></Target><Source><LocURI>./contacts</LocURI></Source>${anchor}</Item></Alert>` +
    `<Sync><CmdID>2</CmdID><Target><LocURI>contacts</LocURI></Target><Source><LocURI>./contacts</LocURI></Source>` +
    `<Add><CmdID>3</CmdID><Meta><Type xmlns='syncml:metinf'>application/vnd.crm-exchange.contact+xml</Type></Meta>` +
    `<Item><Source><LocURI>${luid}</LocURI></Source><Data>${nativePayload('contacts', { firstName: 'Intruder', lastName: luid }).replace(/&/g, '&amp;').replace(/</g, '&lt;')}</Data></Item></Add></Sync>`
  );
}

const alertOnly = (next: string) =>
  `<Alert><CmdID>1</CmdID><Data>201</Data><Item><Target><LocURI>contacts</LocURI></Target><Source><LocURI>./contacts</LocURI></Source><Meta><Anchor xmlns='syncml:metinf'><Next>${next}</Next></Anchor></Meta></Item></Alert>`;

const signerAt = (now: () => number, privateKey = keys.privateKeyPem) => createTokenSigner({ key: { algorithm: 'ed25519', privateKey }, now });

describe('token authentication', () => {
  const cases: [string, () => string, number][] = [
    ['expired', () => signerAt(() => Date.now() - 3_600_000, server.signingKey).issue(ALICE), 401],
    ['future-dated', () => signerAt(() => Date.now() + 3_600_000, server.signingKey).issue(ALICE), 401],
    ['tampered', () => tamper(server.signer.issue(ALICE)), 401],
    ['signed with a wrong key', () => signerAt(Date.now).issue(ALICE), 401],
    ['for an unknown user', () => server.signer.issue('nobody@demo.example'), 401],
  ];
  for (const [name, token, code] of cases) {
    it(`refuses a token ${name} with ${code} and applies nothing`, async () => {
      const seq = await server.changeSeq();
      const raw = new RawSyncmlClient(server.url, undefined, server.wire);
      const response = await raw.send(initAndAdd(`bad-${name.replace(/\W/g, '')}`), { cred: tokenCred(token()) });
      expect(headerStatus(response)?.data).toBe(code);
      expect(response.body.filter((c) => c.kind !== 'Status')).toEqual([]);
      expect(await server.changeSeq()).toBe(seq);
    });
  }

  it('refuses a replayed token (401) and applies nothing the second time', async () => {
    const token = server.signer.issue(ALICE);
    const first = await new RawSyncmlClient(server.url, undefined, server.wire).send(initAndAdd('replay-1'), { cred: tokenCred(token) });
    expect(headerStatus(first)?.data).toBe(212);
    const seq = await server.changeSeq();
    const second = await new RawSyncmlClient(server.url, undefined, server.wire).send(initAndAdd('replay-2'), { cred: tokenCred(token) });
    expect(headerStatus(second)?.data).toBe(401);
    expect(await server.changeSeq()).toBe(seq);
  });

  it('answers a message without credentials with 407 and a challenge', async () => {
    const seq = await server.changeSeq();
    const response = await new RawSyncmlClient(server.url, undefined, server.wire).send(initAndAdd('nocred'));
    const status = headerStatus(response);
    expect(status?.data).toBe(407);
    expect(status?.chal?.meta).toMatchObject({ type: 'syncml:auth-md5', format: 'b64' });
    expect(status?.chal?.meta.nextNonce).toBeTruthy();
    expect(await server.changeSeq()).toBe(seq);
  });

  it('the client reports a rejected token as a permanent auth error for that user', async () => {
    const seq = await server.changeSeq();
    const client = server.client({ tokens: signerAt(Date.now) });
    const error = await client.writeChanges(ALICE, 'contacts', [{ luid: 'x', op: 'add', payload: nativePayload('contacts', { firstName: 'X' }) }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmAuthError);
    expect(error).toMatchObject({ code: 'CRM_AUTH_REJECTED', kind: 'permanent', user: ALICE, status: 401 });
    expect(await server.changeSeq()).toBe(seq);
  });

  for (const tokenPerMessage of [true, false]) {
    it(`a session the server lost mid-way is a transient error, not an auth failure (token per message: ${tokenPerMessage})`, async () => {
      await server.crm.data.datastore('contacts').create(server.crm.alice, { firstName: 'Lost', lastName: 'Session', notes: 'x'.repeat(3000) });
      await server.crm.data.datastore('contacts').create(server.crm.alice, { firstName: 'Lost', lastName: 'Again', notes: 'y'.repeat(3000) });
      let received = 0;
      const lossy = server.client({
        maxMsgSize: 4096,
        tokenPerMessage,
        onWire: (_xml, direction) => {
          if (direction === 'received' && ++received === 2) server.engine.sessions.clear();
        },
      });
      const error = await lossy.readChanges(ALICE, 'contacts').catch((e: unknown) => e);
      // The server answers a continuation of a session it does not know with 506.
      expect(error).toMatchObject({ code: 'CRM_UNAVAILABLE', kind: 'transient', status: 506 });
      const fine = await server.client().readChanges(ALICE, 'contacts');
      await fine.complete([]);
    });
  }

  it('continues a session without Cred only at its RespURI', async () => {
    const raw = new RawSyncmlClient(server.url, undefined, server.wire);
    const anchor = `<Meta><Anchor xmlns='syncml:metinf'><Next>1</Next></Anchor></Meta>`;
    const alert = `<Alert><CmdID>1</CmdID><Data>201</Data><Item><Target><LocURI>contacts</LocURI></Target><Source><LocURI>./contacts</LocURI></Source>${anchor}</Item></Alert>`;
    expect(headerStatus(await raw.send(alert, { cred: tokenCred(server.signer.issue(ALICE)) }))?.data).toBe(212);
    const sid = raw.url;
    raw.url = server.url;
    expect(headerStatus(await raw.send('<Alert><CmdID>1</CmdID><Data>222</Data></Alert>', { final: false }))?.data).toBe(407);
    expect(sid).toContain('?sid=');
  });
});

describe('password authentication for standard clients', () => {
  it('accepts syncml:auth-basic and refuses a wrong password with 401', async () => {
    const good = await new RawSyncmlClient(server.url, undefined, server.wire).send(alertOnly('1'), { cred: basicCred('phone@demo.example', 'secret-pw') });
    expect(headerStatus(good)?.data).toBe(212);
    const bad = await new RawSyncmlClient(server.url, undefined, server.wire).send(alertOnly('1'), { cred: basicCred('phone@demo.example', 'wrong') });
    expect(headerStatus(bad)?.data).toBe(401);
  });

  it('runs the syncml:auth-md5 challenge: 407 with a nonce, then 212 with the digest over it', async () => {
    const raw = new RawSyncmlClient(server.url, undefined, server.wire);
    const challenge = headerStatus(await raw.send(alertOnly('1'), { locName: 'phone@demo.example' }));
    expect(challenge?.data).toBe(407);
    const nonce = Buffer.from(challenge!.chal!.meta.nextNonce!, 'base64');
    const wrong = headerStatus(await raw.send(alertOnly('1'), { locName: 'phone@demo.example', cred: md5Cred(md5Credential('phone@demo.example', 'nope', nonce)) }));
    expect(wrong?.data).toBe(401);
    const retry = Buffer.from(wrong!.chal!.meta.nextNonce!, 'base64');
    const ok = await raw.send(alertOnly('1'), { locName: 'phone@demo.example', cred: md5Cred(md5Credential('phone@demo.example', 'secret-pw', retry)) });
    expect(headerStatus(ok)?.data).toBe(212);
    expect(statuses(ok, 'Alert')[0]?.data).toBe(200);
  });
});

function tamper(token: string): string {
  const parts = token.split('.');
  const payload = JSON.parse(Buffer.from(parts[3]!, 'base64url').toString()) as { u: string };
  payload.u = 'bob@demo.example';
  parts[3] = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return parts.join('.');
}
