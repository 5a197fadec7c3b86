/** Stable codes of the data layer; the SyncML layer maps them to item statuses (403, 404, 400). */
export const CRM_ERROR_CODES = {
  FORBIDDEN: 'CRM_FORBIDDEN',
  NOT_FOUND: 'CRM_NOT_FOUND',
  INVALID_RECORD: 'CRM_INVALID_RECORD',
  UNKNOWN_DATASTORE: 'CRM_UNKNOWN_DATASTORE',
  UNKNOWN_USER: 'CRM_UNKNOWN_USER',
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
