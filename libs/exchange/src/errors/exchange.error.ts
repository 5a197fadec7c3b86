import { ConnectorError } from '@connector/core';
import { EXCHANGE_ERRORS, type ExchangeErrorCode } from './exchange-error-codes.js';

/** Any failure the gateway reports; `responseCode` is the EWS code (ErrorServerBusy…) when there was one. */
export class ExchangeError extends ConnectorError {
  constructor(
    override readonly code: ExchangeErrorCode,
    message: string,
    readonly details: { responseCode?: string; httpStatus?: number; mailbox?: string; itemId?: string } = {},
    options?: { cause?: unknown },
  ) {
    super(code, EXCHANGE_ERRORS[code].kind, message, options);
  }
}

/** ErrorServerBusy: the caller (or the gateway's own retry) waits `backOffMs` before asking that mailbox again. */
export class ExchangeThrottledError extends ExchangeError {
  constructor(
    readonly backOffMs: number,
    message: string,
    details: ExchangeError['details'] = {},
  ) {
    super('EXCHANGE_THROTTLED', message, details);
  }
}

/** A stale change key on update/delete: somebody changed the item after we read it. */
export class ExchangeConflictError extends ExchangeError {
  constructor(message: string, details: ExchangeError['details'] = {}) {
    super('EXCHANGE_CONFLICT', message, details);
  }
}

/** The stored SyncState is refused; the caller drops it and re-enumerates the folder. */
export class InvalidSyncStateError extends ExchangeError {
  constructor(message: string, details: ExchangeError['details'] = {}) {
    super('EXCHANGE_INVALID_SYNC_STATE', message, details);
  }
}
