/** Exit codes scripts can rely on (see README "Exit codes"). */
export const EXIT = {
  ok: 0,
  /** Something failed at run time: a database, Redis, Exchange or the CRM could not be reached or answered an error. */
  failure: 1,
  /** The config is invalid, or the command line is (unknown option, bad object type, missing argument). */
  usage: 2,
  /** What the command names does not exist: a mailbox that is not synced, an unknown quarantine id or item. */
  notFound: 3,
  /** The command did part of its work: e.g. some quarantined items could not be retried. */
  partial: 4,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const CLI_ERRORS = {
  CLI_USAGE: EXIT.usage,
  CONFIG_INVALID: EXIT.usage,
  MAILBOX_NOT_SYNCED: EXIT.notFound,
  NO_SYNCED_MAILBOXES: EXIT.notFound,
  QUARANTINE_NOT_FOUND: EXIT.notFound,
  ITEM_NOT_FOUND: EXIT.notFound,
  DRAIN_TIMEOUT: EXIT.failure,
} as const;
export type CliErrorCode = keyof typeof CLI_ERRORS;

/** A failure the CLI reports as one line (or a JSON object) with its stable code and exit code. */
export class CliError extends Error {
  readonly exitCode: ExitCode;
  constructor(
    readonly code: CliErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'CliError';
    this.exitCode = CLI_ERRORS[code];
  }
}
