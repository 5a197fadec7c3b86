/** Stable error codes of the admin API (EWS errors use Exchange's own ResponseCodes). */
export const ADMIN_ERRORS = {
  ADMIN_UNAUTHORIZED: 401,
  INVALID_INPUT: 400,
  MAILBOX_EXISTS: 409,
  MAILBOX_NOT_FOUND: 404,
  FOLDER_NOT_FOUND: 404,
  ITEM_NOT_FOUND: 404,
} as const;

export type AdminErrorCode = keyof typeof ADMIN_ERRORS;

export class AdminError extends Error {
  readonly status: number;

  constructor(
    readonly code: AdminErrorCode,
    message: string,
  ) {
    super(message);
    this.status = ADMIN_ERRORS[code];
  }
}
