import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createType1Message, createType3Message, decodeType2Message } from '@ewsjs/ntlm-client';
import { ntHash, ntowfv2, verifyNtlmV2 } from './ntlm-verify.js';
import { envelope, first, NS, SimHarness } from '../test-support/sim-harness.test-support.js';
import { parseXml } from '../xml/xml-parse.js';

describe('NTLMv2 primitives against the [MS-NLMP] 4.2.4 test vectors', () => {
  const serverChallenge = Buffer.from('0123456789abcdef', 'hex');
  it('computes the NT hash and NTOWFv2', () => {
    expect(ntHash('Password').toString('hex')).toBe('a4f49c406510bdcab6824ee7c30fd852');
    expect(ntowfv2('Password', 'User', 'Domain').toString('hex')).toBe('0c868a403bfd7a93a3001ef22ef02e3f');
  });

  it('verifies the NTProofStr of the spec example', () => {
    const avPairs = Buffer.from('02000c0044006f006d00610069006e0001000c0053006500720076006500720000000000', 'hex');
    const blob = Buffer.concat([Buffer.from('0101000000000000', 'hex'), Buffer.alloc(8), Buffer.from('aaaaaaaaaaaaaaaa', 'hex'), Buffer.alloc(4), avPairs, Buffer.alloc(4)]);
    const proof = Buffer.from('68cd0ab851e51c96aabc927bebef6a1c', 'hex');
    const auth = { ntResponse: Buffer.concat([proof, blob]), user: 'User', domain: 'Domain', workstation: 'COMPUTER' };
    expect(verifyNtlmV2(auth, serverChallenge, 'Password')).toBe(true);
    expect(verifyNtlmV2(auth, serverChallenge, 'password')).toBe(false);
  });
});

let sim: SimHarness;

beforeAll(async () => {
  sim = await SimHarness.start({ auth: 'ntlm' });
  await sim.mailbox('svc-connector@test.example', { password: 'S3cret!' });
});

afterAll(async () => {
  expect(await sim.schema.validate()).toEqual([]);
  await sim.close();
});

function post(agent: Agent, body: string, authorization?: string): Promise<{ status: number; challenges: string[]; text: string }> {
  const url = new URL(`${sim.url}/EWS/Exchange.asmx`);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { 'content-type': 'text/xml', ...(authorization ? { authorization } : {}) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      // rawHeaders keeps each WWW-Authenticate header separate, as IIS sends them
      const challenges = res.rawHeaders.filter((_h, i) => i % 2 === 1 && res.rawHeaders[i - 1]!.toLowerCase() === 'www-authenticate');
      res.on('end', () => resolve({ status: res.statusCode ?? 0, challenges, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const getInbox = envelope(`<m:GetFolder ${NS}><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="inbox"/></m:FolderIds></m:GetFolder>`);

async function handshake(agent: Agent, user: string, password: string) {
  const challenge = await post(agent, getInbox, createType1Message('WORKSTATION', 'CORP'));
  expect(challenge.status).toBe(401);
  const header = challenge.challenges.find((h) => h.startsWith('NTLM '))!;
  const type2 = decodeType2Message(header);
  expect(type2.version).toBe(2);
  return post(agent, getInbox, createType3Message(type2, user, password, 'WORKSTATION', 'CORP'));
}

/** Minimal DER for the test's own SPNEGO tokens (short and 0x81/0x82 lengths). */
const der = (tag: number, content: Buffer) => {
  const n = content.length;
  const len = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return Buffer.concat([Buffer.from([tag, ...len]), content]);
};
const NTLM_OID = Buffer.from('2b06010401823702020a', 'hex');
const ntlmBytes = (header: string) => Buffer.from(header.replace(/^NTLM /, ''), 'base64');

describe('NTLM over HTTP (connection-based, as IIS)', () => {
  it('accepts NTLM wrapped in SPNEGO under Negotiate, and answers in kind', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const init = der(0x60, Buffer.concat([der(0x06, Buffer.from('2b0601050502', 'hex')),
      der(0xa0, der(0x30, Buffer.concat([der(0xa0, der(0x30, der(0x06, NTLM_OID))), der(0xa2, der(0x04, ntlmBytes(createType1Message('WORKSTATION', 'CORP'))))])))]));
    const challenge = await post(agent, getInbox, `Negotiate ${init.toString('base64')}`);
    expect(challenge.status).toBe(401);
    const resp = Buffer.from(challenge.challenges[0]!.replace(/^Negotiate /, ''), 'base64');
    const type2 = resp.subarray(resp.indexOf(Buffer.from('NTLMSSP\0', 'latin1')));
    const type3 = ntlmBytes(createType3Message(decodeType2Message(`NTLM ${type2.toString('base64')}`), 'svc-connector', 'S3cret!', 'WORKSTATION', 'CORP'));
    const ok = await post(agent, getInbox, `Negotiate ${der(0xa1, der(0x30, der(0xa2, der(0x04, type3)))).toString('base64')}`);
    expect(ok.status).toBe(200);
    expect(ok.challenges).toEqual(['Negotiate oQcwBaADCgEA']); // NegTokenResp accept-completed
    agent.destroy();
  });

  it('authenticates a real NTLMv2 handshake and keeps the connection authenticated', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const ok = await handshake(agent, 'svc-connector', 'S3cret!');
    expect(ok.status).toBe(200);
    sim.schema.add('request', 'GetFolder', getInbox);
    sim.schema.add('response', 'GetFolder', ok.text);
    expect(first(parseXml(ok.text), 'DisplayName')!.text).toBe('Inbox');
    const again = await post(agent, getInbox);
    expect(again.status).toBe(200);
    agent.destroy();
    const fresh = new Agent({ keepAlive: true, maxSockets: 1 });
    expect((await post(fresh, getInbox)).status).toBe(401);
    fresh.destroy();
  });

  it('refuses a wrong password with 401 and offers NTLM again; Basic is off in ntlm mode', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const denied = await handshake(agent, 'svc-connector', 'wrong');
    expect(denied.status).toBe(401);
    expect(denied.challenges).toEqual(['Negotiate', 'NTLM']);
    const basic = await post(agent, getInbox, `Basic ${Buffer.from('svc-connector@test.example:S3cret!').toString('base64')}`);
    expect(basic.status).toBe(401);
    agent.destroy();
    const log = (await sim.admin<{ responseCode: string }[]>('GET', '/log')).body;
    expect(log.filter((e) => e.responseCode === 'Unauthorized').length).toBeGreaterThanOrEqual(3);
  });
});
