import { ConnectorError, type ErrorKind } from '@connector/core';

/** Every error code of this package, with how the pipeline reacts to it. */
export const CRM_CLIENT_ERRORS = {
  /** 401/407 from CRM.interface: this user's token (or key) is not accepted; retrying will not help. */
  CRM_AUTH_REJECTED: { kind: 'permanent', message: 'CRM.interface rejected the credentials' },
  /** Network failure, timeout, HTTP 5xx or SyncML 5xx for the session: try again later. */
  CRM_UNAVAILABLE: { kind: 'transient', message: 'CRM.interface is not reachable or failed' },
  CRM_TIMEOUT: { kind: 'transient', message: 'CRM.interface did not answer in time' },
  /** 503/417 from the server: it asked us to come back later. */
  CRM_RETRY_LATER: { kind: 'throttled', message: 'CRM.interface asked to retry later' },
  /** The server refused the datastore or the sync type (404/406/405 on the Alert). */
  CRM_DATASTORE_REFUSED: { kind: 'permanent', message: 'CRM.interface refused the datastore or sync type' },
  /** A response we cannot follow (HTTP 4xx, undecodable SyncML, missing Alert): a bug on one side. */
  CRM_PROTOCOL: { kind: 'bug', message: 'Unexpected response from CRM.interface' },
} as const satisfies Record<string, { kind: ErrorKind; message: string }>;

export type CrmClientErrorCode = keyof typeof CRM_CLIENT_ERRORS;

export class CrmClientError extends ConnectorError {
  declare readonly code: CrmClientErrorCode;

  constructor(
    code: CrmClientErrorCode,
    detail?: string,
    /** The HTTP or SyncML status behind the error, when there was one. */
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    const base = CRM_CLIENT_ERRORS[code];
    super(code, base.kind, detail ? `${base.message}: ${detail}` : base.message, options);
  }
}

/** Authentication failures are permanent for the user concerned (not for the whole connector). */
export class CrmAuthError extends CrmClientError {
  constructor(
    readonly user: string,
    status: number,
  ) {
    super('CRM_AUTH_REJECTED', `user ${user}, status ${status}`, status);
  }
}

export function isCrmClientError(error: unknown): error is CrmClientError {
  return error instanceof CrmClientError;
}
