import type { NonceStore } from './nonce-store.port.js';

/** One process only: fine for a single CRM.interface instance and for tests; several instances need the PostgreSQL store. */
export class MemoryNonceStore implements NonceStore {
  private readonly expiries = new Map<string, number>();
  private claimsSincePurge = 0;

  constructor(private readonly purgeEvery = 1000) {}

  async claim(nonce: string, expiresAtMs: number, nowMs: number): Promise<boolean> {
    if (++this.claimsSincePurge >= this.purgeEvery) this.purge(nowMs);
    const known = this.expiries.get(nonce);
    if (known !== undefined && known > nowMs) return false;
    this.expiries.set(nonce, expiresAtMs);
    return true;
  }

  /** Forgets nonces whose tokens can no longer be accepted anyway. */
  purge(nowMs: number): number {
    this.claimsSincePurge = 0;
    let removed = 0;
    for (const [nonce, expiry] of this.expiries) {
      if (expiry <= nowMs) {
        this.expiries.delete(nonce);
        removed++;
      }
    }
    return removed;
  }

  get size(): number {
    return this.expiries.size;
  }
}
