import { createHash } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { CrmClient, MemoryAnchorStore, type CrmClientOptions } from '@connector/crm-client';
import { PgNonceStore, createTokenSigner, createTokenVerifier, generateKeyPair, type TokenSigner } from '@connector/crm-token';
import { SyncmlWireRecorder } from '@connector/syncml/test-support';
import { createTestCrm, type TestCrm } from '../crm.test-support.js';
import type { DatastoreName } from '../repositories/datastores.js';
import { createCrmBackend, type RecordCodec } from './crm-backend.adapter.js';
import { SyncmlEngine, type SyncmlEngineOptions } from './session.engine.js';
import { syncmlRoute } from './syncml.route.js';

const RECORD_TYPES: Record<DatastoreName, string> = {
  contacts: 'person',
  companies: 'company',
  calendar: 'activity',
  emails: 'activity',
  tasks: 'task',
  absences: 'absence',
};

export const nativeType = (datastore: DatastoreName) => `application/vnd.crm-exchange.${RECORD_TYPES[datastore]}+xml`;

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const unescapeXml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Native payload of a record input (the codec the suite runs with). */
export function nativePayload(datastore: DatastoreName, fields: Record<string, unknown>): string {
  return `<${RECORD_TYPES[datastore]}>${escapeXml(JSON.stringify(fields))}</${RECORD_TYPES[datastore]}>`;
}

export function parseNative(payload: string): Record<string, unknown> {
  return JSON.parse(unescapeXml(payload.replace(/^<[a-z]+>/, '').replace(/<\/[a-z]+>$/, ''))) as Record<string, unknown>;
}

/** Native records only; the suite's standard-client tests plug in the real vCard/iCalendar formats. */
export const testCodec: RecordCodec = {
  contentTypes: (ds) => [{ ctType: nativeType(ds), verCT: '1.0' }],
  encode(ds, record) {
    const { id: _id, version: _v, updatedAt: _u, companyName: _c, favourite: _f, documents: _d, ...fields } = record as Record<string, unknown>;
    return nativePayload(ds, fields);
  },
  decode: (_ds, _type, data) => parseNative(data),
};

export interface SyncmlTestServer {
  crm: TestCrm;
  url: string;
  app: FastifyInstance;
  engine: SyncmlEngine;
  signer: TokenSigner;
  /** The private key the server trusts (PEM), for tokens with a chosen clock. */
  signingKey: string;
  /** Every SyncML message our client sent or received, validated in one batch at the end. */
  wire: SyncmlWireRecorder;
  client(options?: Partial<CrmClientOptions>): CrmClient;
  /** Current value of the change sequence: unchanged means nothing was written. */
  changeSeq(): Promise<string>;
  close(): Promise<void>;
}

export async function startSyncmlServer(label: string, options: Partial<SyncmlEngineOptions> & { codec?: RecordCodec } = {}): Promise<SyncmlTestServer> {
  const crm = await createTestCrm(label);
  const keys = generateKeyPair();
  const signer = createTokenSigner({ key: { algorithm: 'ed25519', privateKey: keys.privateKeyPem } });
  const verifier = createTokenVerifier({
    keys: [{ algorithm: 'ed25519', publicKey: keys.publicKeyPem }],
    nonceStore: new PgNonceStore({ db: crm.db.pool, table: 'crm.token_nonce' }),
  });
  const engine = new SyncmlEngine({ backend: createCrmBackend(crm.data, options.codec ?? testCodec), verifier, ...options });
  const app = Fastify({ logger: false });
  await app.register(syncmlRoute, { engine });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/syncml`;
  const wire = new SyncmlWireRecorder();
  return {
    crm,
    url,
    app,
    engine,
    signer,
    signingKey: keys.privateKeyPem,
    wire,
    client: (overrides = {}) =>
      new CrmClient({
        url,
        tokens: signer,
        anchors: new MemoryAnchorStore(),
        contentTypes: Object.fromEntries(Object.keys(RECORD_TYPES).map((ds) => [ds, { ctType: nativeType(ds as DatastoreName), verCT: '1.0' }])),
        onWire: (xml, direction) => wire.record(xml, `${direction} ${wire.count + 1}`),
        ...overrides,
      }),
    async changeSeq() {
      const { rows } = await crm.db.query<{ seq: string }>("SELECT CASE WHEN is_called THEN last_value ELSE 0 END::text AS seq FROM crm.change_seq");
      return rows[0]!.seq;
    },
    async close() {
      await app.close();
      await crm.close();
    },
  };
}

const md5b64 = (text: string | Buffer) => createHash('md5').update(text).digest('base64');

/** syncml:auth-md5 Cred data as a standard client computes it: B64(MD5(B64(MD5(login:password)) ":" nonce)). */
export function md5Credential(login: string, password: string, nonce: Buffer): string {
  return md5b64(Buffer.concat([Buffer.from(`${md5b64(`${login}:${password}`)}:`), nonce]));
}
