/** Remembers used nonces so each one is accepted once while its token could still be valid. */
export interface NonceStore {
  /**
   * True when the nonce was not seen before (or only with an expiry already past `nowMs`) and is
   * now recorded until `expiresAtMs`; false when it is a replay. Atomic across callers sharing the store.
   */
  claim(nonce: string, expiresAtMs: number, nowMs: number): Promise<boolean>;
}
