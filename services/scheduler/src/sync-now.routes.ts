import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { objectTypeSchema } from '@connector/core';
import type { ActiveMailbox, MailboxRegistry, PollQueues } from '@connector/scheduling';
import { requestPolls } from './mailbox-refresh.js';

const syncNowSchema = z.object({ mailbox: z.email().optional(), type: objectTypeSchema.optional() }).strict();

/** `POST /sync-now` (one mailbox or all, one type or all) and `GET /mailboxes`. */
export function registerSyncNowRoutes(app: FastifyInstance, deps: { current: () => readonly ActiveMailbox[]; polls: PollQueues; registry: MailboxRegistry }): void {
  app.post('/sync-now', async (request, reply) => {
    const parsed = syncNowSchema.safeParse(request.body ?? {});
    if (!parsed.success) return reply.code(400).send({ error: 'INVALID_REQUEST', issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
    const { mailbox, type } = parsed.data;
    const targets = deps.current().filter((m) => !mailbox || m.smtp === mailbox.toLowerCase());
    if (mailbox && targets.length === 0) return reply.code(404).send({ error: 'MAILBOX_NOT_SYNCED', mailbox });
    const requested = await requestPolls(deps.polls, targets, { kind: 'now' }, type);
    return { requested, mailboxes: targets.map((m) => m.smtp) };
  });
  app.get('/mailboxes', async () => ({ mailboxes: await deps.registry.list() }));
}
