import Fastify, { type FastifyInstance } from 'fastify';
import { parseConfig } from '@connector/config';
import { QUEUES, parseJob, type ChangeJob } from '@connector/core';
import { createLogger } from '@connector/observability';
import { MailboxRegistry, rulesForMailbox } from '@connector/scheduling';
import { createQueue, openPgState, type PgState } from '@connector/state';
import { isolatedDatabase, isolatedRedis, type IsolatedDatabase, type IsolatedRedis } from '@connector/testing';
import type { PipelineQueues } from '@connector/wiring';
import { ADMIN_USER } from './auth.js';
import { buildDashboard } from './dashboard.app.js';
import type { DashboardDeps } from './dashboard.deps.js';

export const PASSWORD = 'correct horse battery staple';
export const ALICE = 'alice@demo.example';
export const BOB = 'bob@demo.example';

export function basic(password = PASSWORD, user = ADMIN_USER): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/** Bob syncs e-mails only; everyone else has the default rules. */
export const config = parseConfig(
  {
    exchange: { url: 'http://127.0.0.1:1/EWS/Exchange.asmx', auth: { kind: 'basic', username: 'svc', password: 'x' } },
    crm: { url: 'http://127.0.0.1:1/syncml', token: { algorithm: 'hmac', secret: 's' } },
    mailboxes: {
      list: [
        { crmUser: 'alice', smtp: ALICE },
        { crmUser: 'bob', smtp: BOB, overrides: { contact: { enabled: false }, appointment: { enabled: false }, task: { enabled: false }, absence: { enabled: false } } },
      ],
    },
    logLevel: 'fatal',
  },
  { env: {} },
);

export interface DashboardFixture {
  app: FastifyInstance;
  deps: DashboardDeps;
  state: PgState;
  queues: PipelineQueues;
  registry: MailboxRegistry;
  redis: IsolatedRedis;
  close(): Promise<void>;
}

/** The dashboard on its own fastify app over an isolated database and Redis prefix. */
export async function startDashboard(label: string): Promise<DashboardFixture> {
  const [db, redis]: [IsolatedDatabase, IsolatedRedis] = await Promise.all([isolatedDatabase(label), isolatedRedis(label)]);
  const state = await openPgState({ url: db.url });
  const connection = { url: redis.url, prefix: redis.prefix };
  const queues: PipelineQueues = {
    pollExchange: createQueue(QUEUES.pollExchange, connection),
    pollCrm: createQueue(QUEUES.pollCrm, connection),
    changes: createQueue(QUEUES.changes, connection),
    writeExchange: createQueue(QUEUES.writeExchange, connection),
    writeCrm: createQueue(QUEUES.writeCrm, connection),
  };
  const registry = new MailboxRegistry(redis.client, redis.prefix, 0);
  const deps: DashboardDeps = {
    stores: state,
    registry,
    queues,
    rulesFor: (smtp) => rulesForMailbox(config, smtp),
    adminPassword: PASSWORD,
    logger: createLogger({ service: 'dashboard-test', level: 'fatal' }),
  };
  const app = Fastify();
  app.get('/health', async () => ({ status: 'ok' }));
  await buildDashboard(app, deps);
  await app.ready();
  return {
    app,
    deps,
    state,
    queues,
    registry,
    redis,
    async close() {
      await app.close();
      await Promise.all(Object.values(queues).map((q: PipelineQueues[keyof PipelineQueues]) => q.close()));
      await state.close();
      await redis.cleanup();
      await db.drop();
    },
  };
}

let counter = 0;
/** A valid change job, as a poller would have enqueued it, to quarantine and retry. */
export function changeJob(mailbox: string, subject = 'Visit'): ChangeJob {
  counter += 1;
  return parseJob(QUEUES.changes, {
    v: 1,
    origin: 'exchange',
    mailbox,
    crmUser: mailbox.split('@')[0]!,
    objectType: 'appointment',
    cycleId: `c${counter}`,
    kind: 'upsert',
    exchange: { itemId: `AAMk-${counter}`, changeKey: 'CQ==' },
    item: { type: 'appointment', subject, start: '2026-11-26T09:00:00+01:00', end: '2026-11-26T10:00:00+01:00', timeZone: 'Europe/Berlin' },
    observedAt: new Date().toISOString(),
  });
}

/** A link for the mailbox, so a conflict can be recorded on it. */
export async function linkFor(state: PgState, mailbox: string): Promise<string> {
  counter += 1;
  const { link } = await state.links.createOrGetLink({ mailbox, objectType: 'appointment', exchange: { itemId: `AAMk-l${counter}`, changeKey: 'CK' }, state: 'active' });
  return link.id;
}
