import type { FastifyInstance } from 'fastify';
import { mailboxDetail, overview, queueCounts } from '../dashboard-data.js';
import { resolveConflict, retryQuarantined, syncNow, type ActionOutcome, type ActionResult } from '../dashboard.actions.js';
import type { DashboardDeps } from '../dashboard.deps.js';

interface MailboxParams {
  smtp: string;
}
interface ItemParams extends MailboxParams {
  id: string;
}

const STATUS: Record<ActionOutcome, number> = {
  retried: 200,
  resolved: 200,
  'sync-requested': 202,
  'sync-nothing': 200,
  'retry-gone': 404,
  'resolve-gone': 404,
  'sync-unknown': 404,
  'retry-invalid': 422,
  'sync-disabled': 409,
};

/** The same data and actions as the pages, as JSON for the CLI and scripts. */
export async function apiRoutes(app: FastifyInstance, deps: DashboardDeps): Promise<void> {
  const send = (result: ActionResult) => ({ status: STATUS[result.outcome], body: result });

  app.get('/api/overview', async () => overview(deps));
  app.get('/api/mailboxes', async () => (await overview(deps)).mailboxes);
  app.get('/api/queue-counts', async () => queueCounts(deps));

  app.get<{ Params: MailboxParams }>('/api/mailboxes/:smtp', async (request, reply) => {
    const detail = await mailboxDetail(deps, request.params.smtp);
    if (!detail) return reply.code(404).send({ error: 'MAILBOX_UNKNOWN', mailbox: request.params.smtp });
    return detail;
  });

  app.post<{ Params: MailboxParams }>('/api/mailboxes/:smtp/sync-now', async (request, reply) => {
    const { status, body } = send(await syncNow(deps, request.params.smtp));
    return reply.code(status).send(body);
  });

  app.post<{ Params: ItemParams }>('/api/mailboxes/:smtp/quarantine/:id/retry', async (request, reply) => {
    const { status, body } = send(await retryQuarantined(deps, request.params.smtp, request.params.id));
    return reply.code(status).send(body);
  });

  app.post<{ Params: ItemParams }>('/api/mailboxes/:smtp/conflicts/:id/resolve', async (request, reply) => {
    const { status, body } = send(await resolveConflict(deps, request.params.smtp, request.params.id));
    return reply.code(status).send(body);
  });
}
