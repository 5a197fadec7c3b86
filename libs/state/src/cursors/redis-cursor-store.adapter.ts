import { Redis } from 'ioredis';
import type { CursorStore } from './cursor-store.port.js';

export interface RedisCursorStoreOptions {
  redis: Redis;
  /** config redis.prefix, the same prefix the queues use: cursors and queues are lost together or not at all. */
  prefix: string;
}

/**
 * One hash per mailbox (folder id → sync state) and one per CRM user (datastore → anchor), so
 * "forget this mailbox" is one atomic DEL and no key scan.
 */
export class RedisCursorStore implements CursorStore {
  private readonly redis: Redis;
  private readonly prefix: string;

  constructor(options: RedisCursorStoreOptions) {
    this.redis = options.redis;
    this.prefix = options.prefix;
  }

  private ewsKey(mailbox: string): string {
    return `${this.prefix}:cursor:ews:${mailbox}`;
  }

  private syncmlKey(crmUser: string): string {
    return `${this.prefix}:cursor:syncml:${crmUser}`;
  }

  getSyncState(mailbox: string, folderId: string): Promise<string | null> {
    return this.redis.hget(this.ewsKey(mailbox), folderId);
  }

  async setSyncState(mailbox: string, folderId: string, syncState: string): Promise<void> {
    await this.redis.hset(this.ewsKey(mailbox), folderId, syncState);
  }

  async deleteSyncState(mailbox: string, folderId: string): Promise<void> {
    await this.redis.hdel(this.ewsKey(mailbox), folderId);
  }

  getAnchor(crmUser: string, datastore: string): Promise<string | null> {
    return this.redis.hget(this.syncmlKey(crmUser), datastore);
  }

  async setAnchor(crmUser: string, datastore: string, anchor: string): Promise<void> {
    await this.redis.hset(this.syncmlKey(crmUser), datastore, anchor);
  }

  async deleteAnchor(crmUser: string, datastore: string): Promise<void> {
    await this.redis.hdel(this.syncmlKey(crmUser), datastore);
  }

  async deleteAllForMailbox(mailbox: string, crmUser?: string): Promise<void> {
    const keys = [this.ewsKey(mailbox)];
    if (crmUser !== undefined) keys.push(this.syncmlKey(crmUser));
    await this.redis.del(...keys);
  }
}

/** A cursor store with its own connection (the ioredis BullMQ uses), for a service's main. */
export function openRedisCursorStore(options: { url: string; prefix: string }): { store: RedisCursorStore; close(): Promise<void> } {
  const redis = new Redis(options.url);
  return {
    store: new RedisCursorStore({ redis, prefix: options.prefix }),
    close: async () => {
      await redis.quit();
    },
  };
}
