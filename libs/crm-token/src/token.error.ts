/** Every way a token can be refused; the codes are stable (logs, metrics and SyncML statuses key on them). */
export const TOKEN_ERROR_CODES = {
  MALFORMED: 'TOKEN_MALFORMED',
  UNSUPPORTED_VERSION: 'TOKEN_UNSUPPORTED_VERSION',
  UNSUPPORTED_ALGORITHM: 'TOKEN_UNSUPPORTED_ALGORITHM',
  UNKNOWN_KEY: 'TOKEN_UNKNOWN_KEY',
  BAD_SIGNATURE: 'TOKEN_BAD_SIGNATURE',
  EXPIRED: 'TOKEN_EXPIRED',
  NOT_YET_VALID: 'TOKEN_NOT_YET_VALID',
  REPLAYED: 'TOKEN_REPLAYED',
  INVALID_KEY_MATERIAL: 'TOKEN_INVALID_KEY_MATERIAL',
} as const;

export type TokenErrorCode = (typeof TOKEN_ERROR_CODES)[keyof typeof TOKEN_ERROR_CODES];

export class TokenError extends Error {
  override readonly name = 'TokenError';
  constructor(
    readonly code: TokenErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function isTokenError(error: unknown): error is TokenError {
  return error instanceof TokenError;
}
