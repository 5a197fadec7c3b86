import type { FastifyInstance } from 'fastify';
import { mailboxDetail, overview } from '../dashboard-data.js';
import { resolveConflict, retryQuarantined, syncNow, type ActionResult } from '../dashboard.actions.js';
import type { DashboardDeps } from '../dashboard.deps.js';
import { mailboxPath } from '../views/html.js';
import { isFlashCode } from '../views/layout.view.js';
import { mailboxPage, notFoundPage } from '../views/mailbox.view.js';
import { overviewPage } from '../views/overview.view.js';

interface MailboxParams {
  smtp: string;
}
interface ItemParams extends MailboxParams {
  id: string;
}
interface FlashQuery {
  flash?: string;
  back?: string;
}

/** Post/redirect/get: every form answers 303 to a page that shows the outcome as a flash message. */
function redirectTo(path: string, result: ActionResult): string {
  return `${path}?flash=${encodeURIComponent(result.outcome)}`;
}

/** The server-rendered pages and the form posts behind their buttons. */
export async function pageRoutes(app: FastifyInstance, deps: DashboardDeps): Promise<void> {
  app.get<{ Querystring: FlashQuery }>('/', async (request, reply) => {
    const flash = isFlashCode(request.query.flash) ? request.query.flash : undefined;
    return reply.type('text/html; charset=utf-8').send(overviewPage(await overview(deps), flash));
  });

  app.get<{ Params: MailboxParams; Querystring: FlashQuery }>('/mailboxes/:smtp', async (request, reply) => {
    const detail = await mailboxDetail(deps, request.params.smtp);
    reply.type('text/html; charset=utf-8');
    if (!detail) return reply.code(404).send(notFoundPage(`No mailbox ${request.params.smtp} is known.`));
    const flash = isFlashCode(request.query.flash) ? request.query.flash : undefined;
    return reply.send(mailboxPage(detail, flash));
  });

  app.post<{ Params: MailboxParams; Querystring: FlashQuery }>('/mailboxes/:smtp/sync-now', async (request, reply) => {
    const result = await syncNow(deps, request.params.smtp);
    // Only two places to go back to, so the parameter cannot redirect anywhere else.
    const back = request.query.back === 'overview' ? '/' : mailboxPath(request.params.smtp);
    return reply.redirect(redirectTo(back, result), 303);
  });

  app.post<{ Params: ItemParams }>('/mailboxes/:smtp/quarantine/:id/retry', async (request, reply) => {
    const result = await retryQuarantined(deps, request.params.smtp, request.params.id);
    if (result.outcome === 'retried') deps.logger.info({ mailbox: request.params.smtp, quarantineId: request.params.id }, 'quarantined item retried from the dashboard');
    return reply.redirect(redirectTo(mailboxPath(request.params.smtp), result), 303);
  });

  app.post<{ Params: ItemParams }>('/mailboxes/:smtp/conflicts/:id/resolve', async (request, reply) => {
    const result = await resolveConflict(deps, request.params.smtp, request.params.id);
    return reply.redirect(redirectTo(mailboxPath(request.params.smtp), result), 303);
  });
}
