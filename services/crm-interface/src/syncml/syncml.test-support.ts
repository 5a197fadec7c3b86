import { createHash } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { CrmClient, MemoryAnchorStore, type CrmClientOptions } from '@connector/crm-client';
import { PgNonceStore, createTokenSigner, createTokenVerifier, generateKeyPair, type TokenSigner } from '@connector/crm-token';
import { SyncmlWireRecorder } from '@connector/syncml/test-support';
import { createTestCrm, type TestCrm } from '../crm.test-support.js';
import type { DatastoreName } from '../repositories/datastores.js';
import { recordCodec } from '../formats/record-codec.js';
import { NATIVE_SPECS, decodeNativeRecord, encodeNativeRecord, nativeContentType } from '../formats/native.codec.js';
import { DATASTORE_NAMES } from '../repositories/datastores.js';
import { createCrmBackend } from './crm-backend.adapter.js';
import { SyncmlEngine, type SyncmlEngineOptions } from './session.engine.js';
import { syncmlRoute } from './syncml.route.js';

/**
 * Native payload carrying only the given fields: the native format reads an absent element as
 * "not sent", so the record keeps (or defaults) the rest, as with a client that knows few fields.
 */
export function nativePayload(datastore: DatastoreName, fields: Record<string, unknown>): string {
  let xml = encodeNativeRecord(datastore, fields);
  const spec = NATIVE_SPECS[datastore];
  for (const field of [...spec.fields, ...(spec.readOnly ?? [])]) if (!(field.name in fields)) xml = xml.replace(`<${field.name}/>`, '');
  return xml;
}

export const parseNative = (datastore: DatastoreName, payload: string): Record<string, unknown> => decodeNativeRecord(datastore, payload);

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

export async function startSyncmlServer(label: string, options: Partial<SyncmlEngineOptions> = {}): Promise<SyncmlTestServer> {
  const crm = await createTestCrm(label);
  const keys = generateKeyPair();
  const signer = createTokenSigner({ key: { algorithm: 'ed25519', privateKey: keys.privateKeyPem } });
  const verifier = createTokenVerifier({
    keys: [{ algorithm: 'ed25519', publicKey: keys.publicKeyPem }],
    nonceStore: new PgNonceStore({ db: crm.db.pool, table: 'crm.token_nonce' }),
  });
  const engine = new SyncmlEngine({ backend: createCrmBackend(crm.data, recordCodec), verifier, ...options });
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
        contentTypes: Object.fromEntries(DATASTORE_NAMES.map((ds) => [ds, { ctType: nativeContentType(ds), verCT: '1.0' }])),
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
