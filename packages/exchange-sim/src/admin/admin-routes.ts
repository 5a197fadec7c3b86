import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { MailboxStore } from '../store/mailbox-store.js';
import type { FaultConfig, FaultInjector } from '../faults/fault-injector.js';
import type { RequestStats } from '../stats/request-stats.js';
import type { Outbox } from '../operations/outbox.js';
import { AdminError } from '../sim.error.js';
import { SUPPORTED_LOCALES } from '../store/folders.js';
import { folderRef, mailboxOrThrow, seedItems, type SeedItem } from './seed.js';
import { registerUserActions } from './user-actions.js';

export interface AdminDeps {
  store: MailboxStore;
  faults: FaultInjector;
  stats: RequestStats;
  outbox: Outbox;
  adminKey: string;
  /** Forget all mailboxes (persistence removes the files too). */
  clearData(): void;
}

interface MailboxBody {
  smtp?: string;
  password?: string;
  displayName?: string;
  locale?: string;
  canImpersonate?: boolean;
}

export function registerAdminRoutes(app: FastifyInstance, deps: AdminDeps): void {
  app.register(async (admin) => {
    admin.addHook('onRequest', async (request: FastifyRequest) => {
      if (request.headers['x-admin-key'] !== deps.adminKey) throw new AdminError('ADMIN_UNAUTHORIZED', 'missing or wrong x-admin-key header');
    });
    admin.setErrorHandler((error, _request, reply: FastifyReply) => {
      if (error instanceof AdminError) return reply.code(error.status).send({ error: { code: error.code, message: error.message } });
      const status = (error as { statusCode?: number }).statusCode ?? 500;
      return reply.code(status).send({ error: { code: status === 400 ? 'INVALID_INPUT' : 'INTERNAL', message: (error as Error).message } });
    });

    admin.get('/mailboxes', async () =>
      [...deps.store.mailboxes.values()].map((m) => ({
        smtp: m.smtp, displayName: m.displayName, locale: m.locale, canImpersonate: m.canImpersonate,
        items: [...m.folders.keys()].reduce((n, id) => n + (deps.store.folderItems.get(id)?.size ?? 0), 0),
      })));

    admin.post('/mailboxes', async (request, reply) => {
      const body = (request.body ?? {}) as MailboxBody;
      if (!body.smtp || !/^[^@\s]+@[^@\s]+$/.test(body.smtp) || !body.password) {
        throw new AdminError('INVALID_INPUT', 'smtp (an address) and password are required');
      }
      if (body.locale && !SUPPORTED_LOCALES.includes(body.locale.slice(0, 2).toLowerCase())) {
        throw new AdminError('INVALID_INPUT', `locale must be one of ${SUPPORTED_LOCALES.join(', ')} (any region)`);
      }
      if (deps.store.mailbox(body.smtp)) throw new AdminError('MAILBOX_EXISTS', `mailbox ${body.smtp} exists`);
      const m = deps.store.createMailbox({ ...body, smtp: body.smtp, password: body.password });
      return reply.code(201).send({ smtp: m.smtp, displayName: m.displayName, locale: m.locale, canImpersonate: m.canImpersonate });
    });

    admin.patch('/mailboxes/:smtp', async (request) => {
      const mailbox = mailboxOrThrow(deps.store, (request.params as { smtp: string }).smtp);
      const body = (request.body ?? {}) as MailboxBody;
      if (body.smtp !== undefined || body.locale !== undefined) throw new AdminError('INVALID_INPUT', 'smtp and locale cannot change');
      if (body.password !== undefined && !body.password) throw new AdminError('INVALID_INPUT', 'password must not be empty');
      if (body.password !== undefined) mailbox.password = body.password;
      if (body.displayName !== undefined) mailbox.displayName = body.displayName;
      if (body.canImpersonate !== undefined) mailbox.canImpersonate = Boolean(body.canImpersonate);
      deps.store.onChange(mailbox.smtp);
      return { smtp: mailbox.smtp, displayName: mailbox.displayName, locale: mailbox.locale, canImpersonate: mailbox.canImpersonate };
    });

    admin.get('/mailboxes/:smtp/folders', async (request) => {
      const mailbox = mailboxOrThrow(deps.store, (request.params as { smtp: string }).smtp);
      return [...mailbox.folders.values()].map((f) => ({
        id: f.id, parentId: f.parentId, displayName: f.displayName, folderClass: f.folderClass,
        distinguished: f.distinguished, totalCount: deps.store.folderItems.get(f.id)?.size ?? 0,
      }));
    });

    admin.post('/mailboxes/:smtp/folders', async (request, reply) => {
      const mailbox = mailboxOrThrow(deps.store, (request.params as { smtp: string }).smtp);
      const body = (request.body ?? {}) as { parent?: string; displayName?: string; folderClass?: string };
      if (!body.displayName) throw new AdminError('INVALID_INPUT', 'displayName is required');
      const parent = folderRef(deps.store, mailbox, body.parent ?? 'msgfolderroot');
      const folder = deps.store.createFolder(mailbox, parent.id, body.displayName, body.folderClass ?? 'IPF.Note');
      return reply.code(201).send({ id: folder.id, displayName: folder.displayName });
    });

    admin.post('/mailboxes/:smtp/items', async (request, reply) => {
      const mailbox = mailboxOrThrow(deps.store, (request.params as { smtp: string }).smtp);
      const body = (request.body ?? {}) as { folder?: string; items?: SeedItem[] };
      if (!Array.isArray(body.items)) throw new AdminError('INVALID_INPUT', 'items must be an array');
      const created = seedItems(deps.store, mailbox, body.folder, body.items);
      return reply.code(201).send({ ids: created.map((i) => ({ id: i.id, changeKey: i.changeKey })) });
    });

    admin.get('/mailboxes/:smtp/items', async (request) => {
      const mailbox = mailboxOrThrow(deps.store, (request.params as { smtp: string }).smtp);
      const folder = (request.query as { folder?: string }).folder ?? 'inbox';
      return deps.store.itemsIn(folderRef(deps.store, mailbox, folder).id);
    });

    registerUserActions(admin, deps.store);

    admin.get('/stats', async () => ({
      byOperation: deps.stats.byOperation, byMailbox: deps.stats.byMailbox, writes: deps.stats.writes, totalWrites: deps.stats.totalWrites(),
    }));
    admin.get('/log', async (request) => {
      const q = request.query as { since?: string; operation?: string; mailbox?: string };
      return deps.stats.log.filter(
        (e) => (!q.since || e.at >= q.since) && (!q.operation || e.operation === q.operation) && (!q.mailbox || e.mailbox === q.mailbox.toLowerCase()),
      );
    });
    admin.get('/outbox', async () => deps.outbox.sent);
    admin.get('/faults', async () => deps.faults.current());
    admin.put('/faults', async (request) => {
      const body = (request.body ?? {}) as FaultConfig;
      if (!Array.isArray(body.rules)) throw new AdminError('INVALID_INPUT', 'rules must be an array');
      try {
        deps.faults.configure(body);
      } catch (error) {
        throw new AdminError('INVALID_INPUT', (error as Error).message);
      }
      return deps.faults.current();
    });
    admin.delete('/faults', async () => {
      deps.faults.configure({ rules: [] });
      return deps.faults.current();
    });
    admin.post('/reset', async (request) => {
      const body = (request.body ?? {}) as { data?: boolean };
      deps.stats.reset();
      deps.faults.configure({ rules: [] });
      deps.outbox.sent.length = 0;
      if (body.data) deps.clearData();
      return { reset: true, data: Boolean(body.data) };
    });
  }, { prefix: '/admin' });
}
