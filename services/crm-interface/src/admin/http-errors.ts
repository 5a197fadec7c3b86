import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { FormatError } from '../formats/format.error.js';
import { CRM_ERROR_CODES, CrmError } from '../repositories/crm.error.js';

/** Body or query that fails its schema: 400 listing every problem. */
export class RequestValidationError extends Error {
  constructor(
    readonly where: 'body' | 'query' | 'params',
    readonly issues: z.core.$ZodIssue[],
  ) {
    super(`invalid ${where}: ${issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
}

export function validate<T extends z.ZodType>(schema: T, value: unknown, where: 'body' | 'query' | 'params'): z.infer<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new RequestValidationError(where, result.error.issues);
  return result.data;
}

const CRM_STATUS: Record<string, number> = {
  [CRM_ERROR_CODES.FORBIDDEN]: 403,
  [CRM_ERROR_CODES.NOT_FOUND]: 404,
  [CRM_ERROR_CODES.INVALID_RECORD]: 400,
  [CRM_ERROR_CODES.UNKNOWN_DATASTORE]: 404,
  [CRM_ERROR_CODES.UNKNOWN_USER]: 404,
  [CRM_ERROR_CODES.DUPLICATE]: 409,
};

/** PostgreSQL errors caused by the request's data, not by the server. */
const PG_STATUS: Record<string, [number, string, string]> = {
  '23503': [400, 'CRM_MISSING_REFERENCE', 'a referenced record does not exist'],
  '23505': [409, 'CRM_DUPLICATE', 'a record with this key exists already'],
  '23514': [400, 'CRM_INVALID_RECORD', 'a value is out of range'],
  '22P02': [400, 'CRM_INVALID_RECORD', 'a value has the wrong form'],
};

export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof RequestValidationError)
    return reply.code(400).send({ statusCode: 400, code: 'CRM_INVALID_REQUEST', message: error.message, issues: error.issues });
  if (error instanceof CrmError)
    return reply.code(CRM_STATUS[error.code] ?? 400).send({ statusCode: CRM_STATUS[error.code] ?? 400, code: error.code, message: error.message });
  if (error instanceof FormatError) return reply.code(400).send({ statusCode: 400, code: error.code, message: error.message });
  const pg = PG_STATUS[(error as { code?: string }).code ?? ''];
  if (pg) {
    const detail = (error as { detail?: string }).detail;
    return reply.code(pg[0]).send({ statusCode: pg[0], code: pg[1], message: detail ? `${pg[2]}: ${detail}` : pg[2] });
  }
  const status = (error as FastifyError).statusCode;
  if (status && status < 500) return reply.code(status).send({ statusCode: status, code: (error as FastifyError).code ?? 'BAD_REQUEST', message: error.message });
  request.log.error({ err: error }, 'request failed');
  return reply.code(500).send({ statusCode: 500, code: 'INTERNAL', message: 'internal error' });
}
