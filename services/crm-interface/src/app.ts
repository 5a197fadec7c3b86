import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { PgNonceStore, createTokenVerifier, type VerificationKey } from '@connector/crm-token';
import { createLogger, createMetricsRegistry, healthPlugin, type Logger } from '@connector/observability';
import { adminRoutes } from './admin/admin.routes.js';
import type { Db } from './db/database.js';
import { recordCodec } from './formats/record-codec.js';
import { registerSyncUsersRoute } from './directory/sync-users.route.js';
import { createCrmData, type CrmData } from './repositories/crm-data.js';
import { SyncmlEngine, createCrmBackend, syncmlRoute, type SyncmlEngineOptions } from './syncml/index.js';

export const SERVICE = 'crm-interface';

export interface AppOptions {
  db: Db;
  /** Keys accepted on connector tokens (Ed25519 public keys and/or HMAC secrets). */
  tokenKeys: VerificationKey[];
  tokenMaxAgeMs?: number;
  tokenClockSkewMs?: number;
  /** Enables `/admin/…`; without it the admin API does not exist. */
  adminKey?: string;
  logger?: Logger;
  /** Engine settings beyond backend and verifier (message sizes, challenge type, sessions). */
  syncml?: Omit<SyncmlEngineOptions, 'backend' | 'verifier'>;
  noncePurgeIntervalMs?: number;
}

export interface CrmInterfaceApp {
  app: FastifyInstance;
  data: CrmData;
}

/** CRM.interface without listening: health, admin API and the SyncML endpoint over one CRM database. */
export async function buildApp(options: AppOptions): Promise<CrmInterfaceApp> {
  const logger = options.logger ?? createLogger({ service: SERVICE });
  const app: FastifyInstance = Fastify({ loggerInstance: logger as FastifyBaseLogger });
  const data = createCrmData(options.db);

  await app.register(healthPlugin, {
    registry: createMetricsRegistry(SERVICE),
    readiness: [{ name: 'postgres', check: async () => void (await options.db.query('SELECT 1')) }],
  });

  if (options.adminKey) await app.register(adminRoutes, { prefix: '/admin', data, adminKey: options.adminKey });
  else logger.warn('CRM_ADMIN_KEY is not set: the admin API is disabled');

  // Nonces live in PostgreSQL so that every CRM.interface instance refuses a replayed token.
  const nonceStore = new PgNonceStore({ db: options.db.pool, table: 'crm.token_nonce' });
  const verifier = createTokenVerifier({
    keys: options.tokenKeys,
    nonceStore,
    maxAgeMs: options.tokenMaxAgeMs,
    clockSkewMs: options.tokenClockSkewMs,
  });
  let stopPurging: (() => void) | undefined;
  app.addHook('onReady', async () => {
    stopPurging = nonceStore.startPurging(options.noncePurgeIntervalMs ?? 60_000, Date.now, (error) =>
      logger.warn({ err: error }, 'purging used token nonces failed'),
    );
  });
  app.addHook('onClose', async () => stopPurging?.());

  // ── SyncML DS 1.2 endpoint: POST /syncml (session engine in src/syncml, records through `data`).
  const engine = new SyncmlEngine({ backend: createCrmBackend(data, recordCodec), verifier, ...options.syncml });
  await app.register(syncmlRoute, { engine });

  // The connector's mailbox list: sync-enabled users, for the connector's own token only.
  registerSyncUsersRoute(app, { verifier, users: data.users });

  return { app, data };
}
