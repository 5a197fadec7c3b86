/** Stable codes of everything the launcher refuses or reports; messages carry the details. */
export const LAUNCHER_ERROR_CODES = {
  /** A child exited before it answered its health check, or while it was expected to run. */
  CHILD_EXITED: 'CHILD_EXITED',
  /** A child kept running but its health endpoint never answered 2xx in time. */
  HEALTH_TIMEOUT: 'HEALTH_TIMEOUT',
  /** Neither an up-to-date `dist/main.js` nor a `src/main.ts` to run with tsx. */
  ENTRY_NOT_FOUND: 'ENTRY_NOT_FOUND',
  /** The generated connector config does not validate (lists every problem). */
  INVALID_RUN_CONFIG: 'INVALID_RUN_CONFIG',
  /** A process name the running system does not manage. */
  UNKNOWN_PROCESS: 'UNKNOWN_PROCESS',
  /** Options that contradict each other (e.g. no simulator and no URL for that side). */
  INVALID_OPTIONS: 'INVALID_OPTIONS',
} as const;

export type LauncherErrorCode = keyof typeof LAUNCHER_ERROR_CODES;

export class LauncherError extends Error {
  constructor(
    readonly code: LauncherErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LauncherError';
  }
}
