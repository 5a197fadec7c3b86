import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { SyncmlLimits } from '@connector/syncml';
import { SYNCML_CONTENT_TYPE, SyncmlError, decodeMessage, encodeMessage } from '@connector/syncml';
import type { SyncmlEngine } from './session.engine.js';

export interface SyncmlRouteOptions {
  engine: SyncmlEngine;
  /** Default `/syncml`. */
  path?: string;
  /** Largest request body; larger ones are cut off while streaming with 413. Default 4 × MaxMsgSize. */
  bodyLimit?: number;
  limits?: Partial<SyncmlLimits>;
}

/**
 * `POST /syncml` (application/vnd.syncml+xml, with or without charset). Malformed, hostile or
 * oversized input gets an HTTP 4xx with a stable code and changes nothing; SyncML-level problems
 * (credentials, unknown datastores, per-item failures) are answered inside the SyncML response.
 */
export const syncmlRoute: FastifyPluginAsync<SyncmlRouteOptions> = async (app: FastifyInstance, options) => {
  const path = options.path ?? '/syncml';
  const bodyLimit = options.bodyLimit ?? options.engine.maxMsgSize * 4;
  const limits = { maxBytes: bodyLimit, ...options.limits };

  // Fastify counts the bytes as they stream in and aborts past bodyLimit (413), before buffering more.
  app.addContentTypeParser(SYNCML_CONTENT_TYPE, { parseAs: 'buffer', bodyLimit }, (_req, body, done) => done(null, body));

  app.post(path, { bodyLimit }, async (request, reply) => {
    // Fastify parses text/plain and JSON on its own; only SyncML reaches the engine.
    if (!Buffer.isBuffer(request.body) || !request.headers['content-type']?.toLowerCase().startsWith(SYNCML_CONTENT_TYPE)) {
      return reply.code(415).send({ statusCode: 415, code: 'SYNCML_UNSUPPORTED_MEDIA_TYPE', message: `POST ${path} takes ${SYNCML_CONTENT_TYPE}` });
    }
    let message;
    try {
      message = decodeMessage(request.body, limits);
    } catch (error) {
      if (!(error instanceof SyncmlError)) throw error;
      const status = error.status === 413 ? 413 : 400;
      request.log.warn({ code: error.code }, 'rejected SyncML message');
      return reply.code(status).send({ statusCode: status, code: error.code, message: error.message });
    }
    const base = `${request.protocol}://${request.host}${path}`;
    const sid = (request.query as Record<string, unknown> | undefined)?.sid;
    const response = await options.engine.handle(message, base, typeof sid === 'string' ? sid : undefined);
    return reply.type(`${SYNCML_CONTENT_TYPE}; charset=UTF-8`).send(encodeMessage(response));
  });
};
