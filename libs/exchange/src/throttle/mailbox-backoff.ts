/**
 * Per-mailbox pauses after ErrorServerBusy. Exchange throttles per user (here: per impersonated
 * mailbox), so one mailbox waiting must not hold up the others.
 */
export class MailboxBackoff {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly options: { baseMs: number; maxMs: number },
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds the mailbox must still wait (0 = may send now). */
  remainingMs(mailbox: string): number {
    const until = this.until.get(key(mailbox));
    if (until === undefined) return 0;
    const left = until - this.now();
    if (left <= 0) this.until.delete(key(mailbox));
    return Math.max(0, left);
  }

  /** Pauses the mailbox; the server's BackOffMilliseconds wins, else base·2^(attempt-1) capped. Returns the pause. */
  pause(mailbox: string, attempt: number, serverBackOffMs?: number): number {
    const ms = serverBackOffMs !== undefined && serverBackOffMs >= 0 ? serverBackOffMs : this.exponential(attempt);
    const until = this.now() + ms;
    const current = this.until.get(key(mailbox)) ?? 0;
    if (until > current) this.until.set(key(mailbox), until);
    return ms;
  }

  /** Waits until the mailbox is no longer paused (re-checks, since pauses can be extended meanwhile). */
  async wait(mailbox: string, signal?: AbortSignal): Promise<void> {
    for (let left = this.remainingMs(mailbox); left > 0; left = this.remainingMs(mailbox)) {
      await sleep(left, signal);
    }
  }

  private exponential(attempt: number): number {
    const exp = this.options.baseMs * 2 ** Math.max(0, attempt - 1);
    return Math.min(this.options.maxMs, exp);
  }
}

function key(mailbox: string): string {
  return mailbox.toLowerCase();
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
