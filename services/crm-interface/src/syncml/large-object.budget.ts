/**
 * Memory held by partly received large objects, across all sessions. Each session may buffer up
 * to MaxObjSize, and there may be many sessions: this caps the sum, so a crowd of clients that
 * start large objects and never finish them cannot exhaust memory (their chunks get 420).
 */
export class LargeObjectBudget {
  readonly #held = new Map<string, number>();
  #total = 0;

  constructor(readonly limitBytes: number) {}

  get totalBytes(): number {
    return this.#total;
  }

  /** Accounts `bytes` more for the session; false (nothing accounted) when over the limit. */
  reserve(sessionKey: string, bytes: number): boolean {
    if (this.#total + bytes > this.limitBytes) return false;
    this.#held.set(sessionKey, (this.#held.get(sessionKey) ?? 0) + bytes);
    this.#total += bytes;
    return true;
  }

  /** The session's object completed, failed or was dropped with the session. */
  release(sessionKey: string): void {
    this.#total -= this.#held.get(sessionKey) ?? 0;
    this.#held.delete(sessionKey);
  }
}
