/** Content the formats cannot read; the SyncML layer answers 415/400 for the item. */
export const FORMAT_ERROR_CODES = {
  UNREADABLE: 'FORMAT_UNREADABLE',
  UNSUPPORTED_TYPE: 'FORMAT_UNSUPPORTED_TYPE',
} as const;

export type FormatErrorCode = (typeof FORMAT_ERROR_CODES)[keyof typeof FORMAT_ERROR_CODES];

export class FormatError extends Error {
  override readonly name = 'FormatError';
  constructor(
    readonly code: FormatErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const unreadable = (message: string) => new FormatError(FORMAT_ERROR_CODES.UNREADABLE, message);
