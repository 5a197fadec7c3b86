import type { FastifyInstance } from 'fastify';
import { CONNECTOR_PRINCIPAL, isTokenError, type TokenVerifier } from '@connector/crm-token';

const SCHEME = 'CRM-Token ';

export interface SyncUserSource {
  list(filter: { syncEnabled: boolean }): Promise<Array<{ id: string; login: string; email: string | null; syncEnabled: boolean }>>;
}

/**
 * `GET /directory/sync-users`: the users enabled for sync, for the connector's mailbox list. Only
 * the connector's master credential opens it (a token it signed for its own principal); a user's
 * token does not, so no rep can enumerate the others.
 */
export function registerSyncUsersRoute(app: FastifyInstance, deps: { verifier: TokenVerifier; users: SyncUserSource }): void {
  app.get('/directory/sync-users', async (request, reply) => {
    const header = request.headers.authorization ?? '';
    if (!header.startsWith(SCHEME)) return reply.code(401).header('www-authenticate', 'CRM-Token').send({ error: 'TOKEN_REQUIRED' });
    try {
      const claims = await deps.verifier.verify(header.slice(SCHEME.length).trim());
      if (claims.user !== CONNECTOR_PRINCIPAL) return reply.code(403).send({ error: 'CONNECTOR_TOKEN_REQUIRED' });
    } catch (error) {
      if (isTokenError(error)) return reply.code(401).send({ error: error.code, message: error.message });
      throw error;
    }
    const users = await deps.users.list({ syncEnabled: true });
    return { users: users.map((u) => ({ id: u.id, login: u.login, email: u.email ?? undefined, syncEnabled: u.syncEnabled })) };
  });
}
