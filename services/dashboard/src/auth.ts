import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from '@connector/observability';
import { DashboardError } from './dashboard.error.js';

export const ADMIN_USER = 'admin';
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Both user and password are compared as fixed-length digests with timingSafeEqual, so the time
 * taken says nothing about how much of a guess was right (nor about the password's length).
 */
export function credentialsMatch(header: string | undefined, password: string): boolean {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return false;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  const userOk = timingSafeEqual(digest(decoded.slice(0, colon)), digest(ADMIN_USER));
  const passwordOk = timingSafeEqual(digest(decoded.slice(colon + 1)), digest(password));
  return userOk && passwordOk;
}

/** onRequest hook: HTTP Basic, user `admin`. Without a password (loopback only, see checkBinding) everything passes. */
export function basicAuth(password: string | undefined) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (password === undefined || credentialsMatch(request.headers.authorization, password)) return;
    await reply
      .code(401)
      .header('www-authenticate', 'Basic realm="connector dashboard", charset="UTF-8"')
      .type('text/plain; charset=utf-8')
      .send('authentication required');
  };
}

/**
 * A browser sends Basic credentials with any form post to this origin, also one started by another
 * site; state-changing requests from another origin are refused (Sec-Fetch-Site, else Origin).
 * Clients without these headers (the CLI, curl) are not browsers and pass.
 */
export function sameOriginPosts() {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (request.method === 'GET' || request.method === 'HEAD') return;
    const site = request.headers['sec-fetch-site'];
    const origin = request.headers.origin;
    let foreign = site === 'cross-site' || site === 'same-site';
    if (!foreign && origin !== undefined && site === undefined) {
      try {
        foreign = new URL(origin).host !== request.headers.host;
      } catch {
        foreign = true;
      }
    }
    if (foreign) await reply.code(403).type('text/plain; charset=utf-8').send('cross-origin request refused');
  };
}

/**
 * Without a password the dashboard (which can retry items and start syncs) must not be reachable
 * from the network: it only starts bound to a loopback address, and says so.
 * @throws DashboardError DASHBOARD_UNPROTECTED when there is no password and the host is not loopback
 */
export function checkBinding(password: string | undefined, host: string, logger: Pick<Logger, 'warn'>): void {
  if (password !== undefined) return;
  if (!LOOPBACK.has(host)) throw new DashboardError('DASHBOARD_UNPROTECTED', `HOST=${host}`);
  logger.warn({ host }, 'dashboard.adminPassword is not set: the dashboard has NO authentication and is bound to loopback only');
}
