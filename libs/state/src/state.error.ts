import { ConnectorError, type ErrorKind } from '@connector/core';

/** Every error this package raises on purpose; codes are stable (logs and dashboards key on them). */
export const STATE_ERRORS = {
  LINK_STALE: { kind: 'transient', message: 'the link changed since it was read' },
  LINK_NOT_FOUND: { kind: 'permanent', message: 'no such link' },
  LINK_DUPLICATE: { kind: 'permanent', message: 'another link already holds this item' },
  STATE_INVALID_INPUT: { kind: 'permanent', message: 'invalid input to the state store' },
  MIGRATION_CHECKSUM_MISMATCH: { kind: 'bug', message: 'an applied migration was edited' },
  MIGRATION_INVALID: { kind: 'bug', message: 'the migration list is malformed' },
} as const satisfies Record<string, { kind: ErrorKind; message: string }>;
export type StateErrorCode = keyof typeof STATE_ERRORS;

export class StateError extends ConnectorError {
  constructor(code: StateErrorCode, detail?: string, options?: { cause?: unknown }) {
    const entry = STATE_ERRORS[code];
    super(code, entry.kind, detail ? `${entry.message}: ${detail}` : entry.message, options);
  }
}

/** Compare-and-set lost: someone wrote the link after the caller read it. Re-read and decide again. */
export class StaleLinkError extends StateError {
  constructor(
    readonly linkId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super('LINK_STALE', `link ${linkId} is at version ${actualVersion}, expected ${expectedVersion}`);
  }
}

export class LinkNotFoundError extends StateError {
  constructor(readonly linkId: string) {
    super('LINK_NOT_FOUND', linkId);
  }
}

/** A patch would give a link an Exchange item or CRM record that another link already holds. */
export class DuplicateLinkError extends StateError {
  constructor(
    detail: string,
    readonly constraint?: string,
  ) {
    super('LINK_DUPLICATE', detail);
  }
}
