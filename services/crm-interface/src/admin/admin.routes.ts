import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import type { z } from 'zod';
import type { Tx } from '../db/database.js';
import type { CrmData } from '../repositories/crm-data.js';
import { NotFoundError } from '../repositories/crm.error.js';
import type { AdminListOptions } from '../repositories/entity.repository.js';
import type { Actor } from '../repositories/rights.js';
import { crmStats } from './admin-stats.js';
import * as s from './admin.schemas.js';
import { errorHandler, validate } from './http-errors.js';

export interface AdminRoutesOptions {
  data: CrmData;
  adminKey: string;
}

const BODY_LIMIT = 64 * 1024 * 1024;

/** Any record repository, seen only as far as the admin routes use it. */
interface Seeder {
  insertMany(tx: Tx, items: never[]): Promise<{ id: string; created: boolean }[]>;
}
interface Lister {
  adminList(options: AdminListOptions): Promise<unknown[]>;
}
interface Editor {
  loadUnchecked(tx: Tx, ids: readonly string[], actor: null): Promise<{ responsibleUserId: string | null }[]>;
  update(actor: Actor, id: string, input: unknown): Promise<{ record: unknown; changed: boolean }>;
  delete(actor: Actor, id: string): Promise<void>;
}

function keyMatches(expected: Buffer, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * `/admin/…`: the CRM's back office for seeding and inspecting data (tests, demo, benchmarks).
 * Every call needs `x-admin-key`; reads and writes here bypass the user rights on purpose.
 */
export const adminRoutes: FastifyPluginAsync<AdminRoutesOptions> = async (app, { data, adminKey }) => {
  const expected = Buffer.from(adminKey);
  app.setErrorHandler(errorHandler);
  app.addHook('onRequest', async (request, reply) => {
    if (!keyMatches(expected, request.headers['x-admin-key']))
      return reply.code(401).send({ statusCode: 401, code: 'CRM_ADMIN_KEY_REQUIRED', message: 'a valid x-admin-key header is required' });
  });
  // Document uploads stream straight into a large object.
  app.addContentTypeParser('application/octet-stream', (_request, payload, done) => done(null, payload));

  const seed = (path: string, schema: z.ZodType<unknown[]>, repository: Seeder) =>
    app.post(path, { bodyLimit: BODY_LIMIT }, async (request, reply) => {
      const items = validate(schema, request.body, 'body') as never[];
      const results = await data.db.transaction((tx) => repository.insertMany(tx, items));
      return reply.code(201).send({ count: results.filter((r) => r.created).length, results });
    });

  seed('/companies', s.companiesBody, data.companies);
  seed('/persons', s.personsBody, data.persons);
  seed('/activities', s.activitiesBody, data.activities);
  seed('/tasks', s.tasksBody, data.tasks);
  seed('/absences', s.absencesBody, data.absences);

  app.post('/users', { bodyLimit: BODY_LIMIT }, async (request, reply) => {
    const users = await data.users.upsertMany(validate(s.usersBody, request.body, 'body'));
    return reply.code(201).send({ count: users.length, users });
  });
  app.get('/users', async (request) => data.users.list(validate(s.usersQuery, request.query, 'query')));

  const list = (path: string, repository: Lister) =>
    app.get(path, async (request) => {
      const q = validate(s.listQuery, request.query, 'query');
      return repository.adminList({ where: { responsible_user_id: q.responsibleUserId }, afterId: q.afterId, limit: q.limit });
    });
  list('/companies', data.companies);
  list('/persons', data.persons);
  list('/tasks', data.tasks);
  list('/absences', data.absences);
  app.get('/activities', async (request) => {
    const q = validate(s.activitiesQuery, request.query, 'query');
    return data.activities.adminList({
      where: { responsible_user_id: q.responsibleUserId, kind: q.kind, internet_message_id: q.internetMessageId },
      afterId: q.afterId,
      limit: q.limit,
    });
  });

  // What a CRM user does in the CRM's own screens, with their rights (`?as=<login>`, default the
  // record's responsible user): edits and deletions that the connector must carry to Exchange.
  const actorOf = async (repository: Editor, id: string, as: string | undefined): Promise<Actor> => {
    if (as) return data.users.actorFor(as);
    const [record] = await repository.loadUnchecked(data.db, [id], null);
    if (!record) throw new NotFoundError(`record ${id} does not exist`);
    const [owner] = record.responsibleUserId ? (await data.users.list()).filter((u) => u.id === record.responsibleUserId) : [];
    if (!owner) throw new NotFoundError(`record ${id} has no responsible user to act as; name one with ?as=<login>`);
    return data.users.actorFor(owner.login);
  };
  const edit = (path: string, repository: Editor) => {
    app.patch(`${path}/:id`, async (request) => {
      const { id } = validate(s.idParams, request.params, 'params');
      const { as } = validate(s.actAsQuery, request.query, 'query');
      return repository.update(await actorOf(repository, id, as), id, request.body);
    });
    app.delete(`${path}/:id`, async (request, reply) => {
      const { id } = validate(s.idParams, request.params, 'params');
      const { as } = validate(s.actAsQuery, request.query, 'query');
      await repository.delete(await actorOf(repository, id, as), id);
      return reply.code(204).send();
    });
  };
  edit('/companies', data.companies);
  edit('/persons', data.persons);
  edit('/activities', data.activities);
  edit('/tasks', data.tasks);
  edit('/absences', data.absences);

  app.post('/favourites', { bodyLimit: BODY_LIMIT }, async (request, reply) => {
    const pairs = validate(s.favouritesBody, request.body, 'body');
    const { rowCount } = await data.db.query(
      `INSERT INTO crm.favourite (user_id, person_id) SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT DO NOTHING`,
      [pairs.map((p) => p.userId), pairs.map((p) => p.personId)],
    );
    return reply.code(201).send({ count: rowCount ?? 0 });
  });
  app.get('/favourites', async (request) => {
    const q = validate(s.favouritesQuery, request.query, 'query');
    const { rows } = await data.db.query<{ userId: string; personId: string }>(
      'SELECT user_id AS "userId", person_id AS "personId" FROM crm.favourite WHERE $1::uuid IS NULL OR user_id = $1 ORDER BY user_id, person_id',
      [q.userId ?? null],
    );
    return rows;
  });

  app.post('/activities/:id/documents', async (request, reply) => {
    const { id } = validate(s.idParams, request.params, 'params');
    const q = validate(s.documentQuery, request.query, 'query');
    if (!request.headers['content-type']?.startsWith('application/octet-stream'))
      return reply.code(415).send({ statusCode: 415, code: 'CRM_UNSUPPORTED_MEDIA_TYPE', message: 'upload the content as application/octet-stream' });
    const document = await data.documents.createUnchecked({ activityId: id, ...q }, request.body as AsyncIterable<Buffer>);
    return reply.code(201).send(document);
  });
  app.get('/documents/:id/content', async (request, reply) => {
    const { id } = validate(s.idParams, request.params, 'params');
    const opened = await data.documents.open(null, id);
    if (!opened) return reply.code(404).send({ statusCode: 404, code: 'CRM_NOT_FOUND', message: `document ${id} does not exist` });
    return reply
      .type(opened.document.contentType)
      .header('content-length', opened.document.size)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(opened.document.fileName)}`)
      .send(opened.content);
  });

  app.get('/stats', async () => crmStats(data));
};
