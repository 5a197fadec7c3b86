import { ServiceError, ServiceResponseException, ServiceResult, type ServiceResponse } from 'ews-javascript-api';
import { TRANSPORT_MARKER } from '../http/xhr.adapter.js';
import type { ExchangeErrorCode } from './exchange-error-codes.js';
import { ExchangeConflictError, ExchangeError, ExchangeThrottledError, InvalidSyncStateError } from './exchange.error.js';

type Details = ExchangeError['details'];

/** EWS response codes we act on; anything else becomes EXCHANGE_SERVER_ERROR with the code kept. */
const BY_RESPONSE_CODE: Record<string, ExchangeErrorCode> = {
  ErrorServerBusy: 'EXCHANGE_THROTTLED',
  ErrorIrresolvableConflict: 'EXCHANGE_CONFLICT',
  ErrorStaleObject: 'EXCHANGE_CONFLICT',
  ErrorInvalidSyncStateData: 'EXCHANGE_INVALID_SYNC_STATE',
  ErrorItemNotFound: 'EXCHANGE_ITEM_NOT_FOUND',
  ErrorInvalidIdMalformed: 'EXCHANGE_ITEM_NOT_FOUND',
  ErrorAttachmentNotFound: 'EXCHANGE_ITEM_NOT_FOUND',
  ErrorInvalidAttachmentId: 'EXCHANGE_ITEM_NOT_FOUND',
  ErrorFolderNotFound: 'EXCHANGE_FOLDER_NOT_FOUND',
  ErrorSyncFolderNotFound: 'EXCHANGE_FOLDER_NOT_FOUND',
  ErrorImpersonateUserDenied: 'EXCHANGE_ACCESS_DENIED',
  ErrorImpersonationDenied: 'EXCHANGE_ACCESS_DENIED',
  ErrorAccessDenied: 'EXCHANGE_ACCESS_DENIED',
  ErrorNonExistentMailbox: 'EXCHANGE_MAILBOX_NOT_FOUND',
  ErrorQuotaExceeded: 'EXCHANGE_QUOTA_EXCEEDED',
  ErrorTimeoutExpired: 'EXCHANGE_TIMEOUT',
  ErrorInternalServerTransientError: 'EXCHANGE_UNAVAILABLE',
  ErrorMailboxStoreUnavailable: 'EXCHANGE_UNAVAILABLE',
  ErrorMailboxMoveInProgress: 'EXCHANGE_UNAVAILABLE',
  ErrorSchemaValidation: 'EXCHANGE_INVALID_ITEM',
  ErrorInvalidRequest: 'EXCHANGE_INVALID_ITEM',
  ErrorInvalidPropertySet: 'EXCHANGE_INVALID_ITEM',
  ErrorInvalidPropertyRequest: 'EXCHANGE_INVALID_ITEM',
  ErrorInvalidExtendedPropertyValue: 'EXCHANGE_INVALID_ITEM',
  ErrorInvalidRecipients: 'EXCHANGE_INVALID_ITEM',
  ErrorCalendarInvalidRecurrence: 'EXCHANGE_INVALID_ITEM',
  ErrorInvalidSubscription: 'EXCHANGE_INVALID_ITEM',
};

export function fromResponseCode(responseCode: string, message: string, details: Details, backOffMs?: number): ExchangeError {
  const code = BY_RESPONSE_CODE[responseCode] ?? 'EXCHANGE_SERVER_ERROR';
  const full = { ...details, responseCode };
  const text = `${responseCode}: ${message}`;
  if (code === 'EXCHANGE_THROTTLED') return new ExchangeThrottledError(backOffMs ?? 0, text, full);
  if (code === 'EXCHANGE_CONFLICT') return new ExchangeConflictError(text, full);
  if (code === 'EXCHANGE_INVALID_SYNC_STATE') return new InvalidSyncStateError(text, full);
  return new ExchangeError(code, text, full);
}

/** One failed entry of a batched response. */
export function fromServiceResponse(response: ServiceResponse, details: Details): ExchangeError {
  const name = ServiceError[response.ErrorCode] ?? String(response.ErrorCode);
  const backOff = response.ErrorDetails?.get('BackOffMilliseconds');
  return fromResponseCode(name, response.ErrorMessage ?? '', details, backOff !== undefined ? Number(backOff) : undefined);
}

export function isFailure(response: ServiceResponse): boolean {
  return response.Result === ServiceResult.Error;
}

interface FaultLike {
  responseCode?: number;
  errorCode?: number;
  message?: string;
  faultString?: string;
  HttpStatusCode?: number;
  /** Our XHR result when the library passes it through unparsed. */
  status?: number;
  ErrorDetails?: { get(key: string): string | undefined };
}

/** Whatever ews-javascript-api threw (SoapFaultDetails, exceptions, XHR objects) → an ExchangeError. */
export function normalizeError(err: unknown, details: Details = {}): ExchangeError {
  if (err instanceof ExchangeError) return err;
  if (err instanceof ServiceResponseException) return fromServiceResponse(err.Response, details);
  const fault = (typeof err === 'object' && err !== null ? err : {}) as FaultLike;
  const message = String(fault.message || fault.faultString || (err instanceof Error ? err.message : err) || 'unknown failure');
  const transport = TRANSPORT_MARKER.exec(message);
  const httpStatus = fault.HttpStatusCode || fault.status || undefined;
  if (transport) return new ExchangeError(transport[1] as ExchangeErrorCode, message.replace(TRANSPORT_MARKER, ''), { ...details, httpStatus }, { cause: err });
  // Checked first: the library stamps ErrorInternalServerError on faults it built from a bare 401.
  if (httpStatus === 401 || httpStatus === 403) return new ExchangeError('EXCHANGE_AUTH_FAILED', `HTTP ${httpStatus}: the service account was rejected`, { ...details, httpStatus }, { cause: err });
  const responseCode = fault.responseCode ?? fault.errorCode;
  if (responseCode !== undefined && responseCode !== ServiceError.NoError && ServiceError[responseCode]) {
    const backOff = safeGet(fault, 'BackOffMilliseconds');
    return fromResponseCode(ServiceError[responseCode]!, message, { ...details, httpStatus }, backOff !== undefined ? Number(backOff) : undefined);
  }
  if (httpStatus !== undefined && httpStatus >= 500) return new ExchangeError('EXCHANGE_UNAVAILABLE', `HTTP ${httpStatus}: ${message}`, { ...details, httpStatus }, { cause: err });
  if (httpStatus !== undefined && httpStatus !== 200 && httpStatus !== 0) return new ExchangeError('EXCHANGE_UNEXPECTED_RESPONSE', `HTTP ${httpStatus}: ${message}`, { ...details, httpStatus }, { cause: err });
  return new ExchangeError('EXCHANGE_UNEXPECTED_RESPONSE', message, details, { cause: err });
}

function safeGet(fault: FaultLike, key: string): string | undefined {
  try {
    return fault.ErrorDetails?.get(key);
  } catch {
    return undefined;
  }
}
