import type { SyncSession } from './session.model.js';

export interface SessionStoreOptions {
  /** Idle time after which a session is forgotten (default 10 minutes). */
  ttlMs?: number;
  /** Most sessions kept at once; the least recently used goes first (default 1,000). */
  maxSessions?: number;
  now?: () => number;
  /** Called for every session that is dropped (ended, expired or evicted). */
  onDrop?: (session: SyncSession) => void;
}

/**
 * Sessions in memory, bounded in count and idle time. A session lives for the few HTTP requests
 * of one sync; losing it (restart, eviction) only makes the client start over, because anchors
 * and LUID maps are committed to PostgreSQL at the end of a session and never before.
 */
export class SessionStore {
  readonly #sessions = new Map<string, SyncSession>();
  readonly #ttlMs: number;
  readonly #max: number;
  readonly #now: () => number;
  readonly #onDrop: (session: SyncSession) => void;

  constructor(options: SessionStoreOptions = {}) {
    this.#ttlMs = options.ttlMs ?? 10 * 60_000;
    this.#max = options.maxSessions ?? 1_000;
    this.#now = options.now ?? Date.now;
    this.#onDrop = options.onDrop ?? (() => undefined);
  }

  static key(sessionId: string, deviceId: string): string {
    return `${deviceId}\u0000${sessionId}`;
  }

  get size(): number {
    return this.#sessions.size;
  }

  get(key: string): SyncSession | undefined {
    const session = this.#sessions.get(key);
    if (!session) return undefined;
    if (session.expiresAt <= this.#now()) {
      this.delete(key);
      return undefined;
    }
    return session;
  }

  /** Stores or refreshes a session (moves it to the most recently used end). */
  touch(session: SyncSession): void {
    session.expiresAt = this.#now() + this.#ttlMs;
    this.#sessions.delete(session.key);
    this.#sessions.set(session.key, session);
    this.#evict();
  }

  delete(key: string): void {
    const session = this.#sessions.get(key);
    if (!session) return;
    this.#sessions.delete(key);
    this.#onDrop(session);
  }

  /** Drops every session (shutdown; clients start over). */
  clear(): void {
    for (const key of [...this.#sessions.keys()]) this.delete(key);
  }

  #evict(): void {
    const now = this.#now();
    for (const [key, session] of this.#sessions) {
      if (this.#sessions.size <= this.#max && session.expiresAt > now) break;
      this.delete(key);
    }
  }
}
