/** Stable codes of the data layer; the SyncML layer maps them to item statuses (403, 404, 400). */
export const CRM_ERROR_CODES = {
  FORBIDDEN: 'CRM_FORBIDDEN',
  NOT_FOUND: 'CRM_NOT_FOUND',
  INVALID_RECORD: 'CRM_INVALID_RECORD',
  UNKNOWN_DATASTORE: 'CRM_UNKNOWN_DATASTORE',
  UNKNOWN_USER: 'CRM_UNKNOWN_USER',
  DUPLICATE: 'CRM_DUPLICATE',
} as const;

export type CrmErrorCode = (typeof CRM_ERROR_CODES)[keyof typeof CRM_ERROR_CODES];

export class CrmError extends Error {
  override name = 'CrmError';
  constructor(
    readonly code: CrmErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** The acting user may not write (or create) this record. */
export class ForbiddenError extends CrmError {
  override name = 'ForbiddenError';
  constructor(message: string) {
    super(CRM_ERROR_CODES.FORBIDDEN, message);
  }
}

export class NotFoundError extends CrmError {
  override name = 'NotFoundError';
  constructor(message: string) {
    super(CRM_ERROR_CODES.NOT_FOUND, message);
  }
}

export class InvalidRecordError extends CrmError {
  override name = 'InvalidRecordError';
  constructor(message: string, details?: unknown) {
    super(CRM_ERROR_CODES.INVALID_RECORD, message, details);
  }
}

/** PostgreSQL errors that the written data caused, with what to tell the client instead. */
const DATA_ERRORS: Record<string, [CrmErrorCode, string]> = {
  '23503': [CRM_ERROR_CODES.INVALID_RECORD, 'a referenced record does not exist'],
  '23505': [CRM_ERROR_CODES.DUPLICATE, 'a record with this key exists already'],
  '23514': [CRM_ERROR_CODES.INVALID_RECORD, 'a value is out of range'],
  '22P02': [CRM_ERROR_CODES.INVALID_RECORD, 'a value has the wrong form'],
  '22007': [CRM_ERROR_CODES.INVALID_RECORD, 'a date or time is invalid'],
  '22008': [CRM_ERROR_CODES.INVALID_RECORD, 'a date or time is out of range'],
};

/** Turns a data-caused database error into a CrmError (an item-level failure, not a server error). */
export function translateDbError(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  const known = typeof code === 'string' ? DATA_ERRORS[code] : undefined;
  if (!known) return error;
  const detail = (error as { detail?: string }).detail;
  return new CrmError(known[0], detail ? `${known[1]}: ${detail}` : known[1]);
}
