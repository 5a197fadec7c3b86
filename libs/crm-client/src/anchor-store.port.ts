/** Identifies one SyncML client database: a CRM user, a datastore and our device id for it. */
export interface AnchorKey {
  user: string;
  datastore: string;
  deviceId: string;
}

/**
 * Where the client keeps its Last anchor per (user, datastore, device). The pipeline supplies it
 * (Redis, beside the queues); losing it only costs a slow sync.
 */
export interface AnchorStore {
  get(key: AnchorKey): Promise<string | null>;
  set(key: AnchorKey, anchor: string): Promise<void>;
}

/** For tests and one-off tools. */
export class MemoryAnchorStore implements AnchorStore {
  readonly #anchors = new Map<string, string>();
  static #id = (k: AnchorKey) => `${k.user}\u0000${k.datastore}\u0000${k.deviceId}`;

  async get(key: AnchorKey): Promise<string | null> {
    return this.#anchors.get(MemoryAnchorStore.#id(key)) ?? null;
  }

  async set(key: AnchorKey, anchor: string): Promise<void> {
    this.#anchors.set(MemoryAnchorStore.#id(key), anchor);
  }

  clear(): void {
    this.#anchors.clear();
  }
}
