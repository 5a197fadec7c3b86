import type { FastifyInstance } from 'fastify';
import { basicAuth, sameOriginPosts } from './auth.js';
import { mountBullBoard } from './bull-board.js';
import type { DashboardDeps } from './dashboard.deps.js';
import { apiRoutes } from './routes/api.routes.js';
import { pageRoutes } from './routes/pages.routes.js';

/**
 * Adds the dashboard to an app (the service's own, beside /health, /ready and /metrics, or a
 * test's). Everything here lives in one encapsulated plugin whose hooks require the admin password,
 * so the health endpoints registered outside it stay open for probes and Prometheus.
 */
export async function buildDashboard(app: FastifyInstance, deps: DashboardDeps): Promise<void> {
  await app.register(async (scope) => {
    scope.addHook('onRequest', basicAuth(deps.adminPassword));
    scope.addHook('onRequest', sameOriginPosts());
    // Forms post urlencoded bodies; the routes take everything from the URL, so the body is unused.
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });
    scope.setErrorHandler(async (error, request, reply) => {
      deps.logger.error({ err: error, url: request.url }, 'dashboard request failed');
      const status = (error as { statusCode?: number }).statusCode ?? 500;
      return reply.code(status >= 400 ? status : 500).type('text/plain; charset=utf-8').send(status < 500 ? (error as Error).message : 'internal error');
    });
    await mountBullBoard(scope, deps.queues);
    await pageRoutes(scope, deps);
    await apiRoutes(scope, deps);
  });
}
