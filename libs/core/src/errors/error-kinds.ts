/**
 * How the pipeline reacts to a failure: transient → retry with backoff; permanent → quarantine,
 * no retry; throttled → wait the server's time, then retry; bug → fail loudly.
 */
export type ErrorKind = 'transient' | 'permanent' | 'throttled' | 'bug';

/** Base of every error the connector raises on purpose: a stable code logs and dashboards key on. */
export class ConnectorError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
