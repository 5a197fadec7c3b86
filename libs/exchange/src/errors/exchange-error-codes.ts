import type { ErrorKind } from '@connector/core';

/** The one registry of the gateway's error codes; logs, metrics and the dashboard key on them. */
export const EXCHANGE_ERRORS = {
  EXCHANGE_THROTTLED: { kind: 'throttled', doc: 'the server is busy (ErrorServerBusy); wait backOffMs, then retry' },
  EXCHANGE_AUTH_FAILED: { kind: 'permanent', doc: 'the service account was rejected (HTTP 401/403)' },
  EXCHANGE_ACCESS_DENIED: { kind: 'permanent', doc: 'impersonation of this mailbox is not allowed, or access to the item/folder is denied' },
  EXCHANGE_MAILBOX_NOT_FOUND: { kind: 'permanent', doc: 'the mailbox does not exist on this server' },
  EXCHANGE_TIMEOUT: { kind: 'transient', doc: 'no complete answer within the request timeout' },
  EXCHANGE_UNAVAILABLE: { kind: 'transient', doc: 'network error or HTTP 5xx without a SOAP fault' },
  EXCHANGE_CONFLICT: { kind: 'transient', doc: 'the change key is stale: the item changed since it was read; re-read and merge' },
  EXCHANGE_INVALID_SYNC_STATE: { kind: 'permanent', doc: 'the stored SyncState is no longer accepted; restart with a full sync' },
  EXCHANGE_ITEM_NOT_FOUND: { kind: 'permanent', doc: 'the item does not exist (any more)' },
  EXCHANGE_FOLDER_NOT_FOUND: { kind: 'permanent', doc: 'the folder path does not exist and was not to be created' },
  EXCHANGE_INVALID_ITEM: { kind: 'permanent', doc: 'Exchange refused the item content (bad property value, schema violation)' },
  EXCHANGE_QUOTA_EXCEEDED: { kind: 'permanent', doc: 'the mailbox is over quota' },
  EXCHANGE_SERVER_ERROR: { kind: 'transient', doc: 'an EWS response code without a more precise mapping' },
  EXCHANGE_BAD_INPUT: { kind: 'bug', doc: 'the gateway was called with arguments it cannot use' },
  EXCHANGE_UNEXPECTED_RESPONSE: { kind: 'bug', doc: 'the server answered something the gateway cannot interpret' },
} as const satisfies Record<string, { kind: ErrorKind; doc: string }>;

export type ExchangeErrorCode = keyof typeof EXCHANGE_ERRORS;
