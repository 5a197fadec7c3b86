import type { Redis } from 'ioredis';
import { effectiveRules, type ConnectorConfig, type Rules } from '@connector/config';
import type { ActiveMailbox } from './mailbox-directory.js';

export interface MailboxEntry {
  crmUser: string;
  crmUserId: string;
  smtp: string;
}

/**
 * The current mailbox list, shared through Redis: the scheduler publishes it after each refresh;
 * every other service reads it (briefly cached) to know who is synced. Rules are not shared: each
 * service derives them from its own config, so a config reload needs no coordination.
 */
export class MailboxRegistry {
  #cache: { at: number; entries: MailboxEntry[] } | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly cacheMs = 2_000,
  ) {}

  get key(): string {
    return `${this.prefix}:mailboxes`;
  }

  async publish(mailboxes: readonly ActiveMailbox[]): Promise<void> {
    const entries: MailboxEntry[] = mailboxes.map((m) => ({ crmUser: m.crmUser, crmUserId: m.crmUserId, smtp: m.smtp }));
    await this.redis.set(this.key, JSON.stringify(entries));
    this.#cache = { at: Date.now(), entries };
  }

  async list(): Promise<MailboxEntry[]> {
    if (this.#cache && Date.now() - this.#cache.at < this.cacheMs) return this.#cache.entries;
    const raw = await this.redis.get(this.key);
    const entries = raw ? (JSON.parse(raw) as MailboxEntry[]) : [];
    this.#cache = { at: Date.now(), entries };
    return entries;
  }

  async entry(address: string): Promise<MailboxEntry | undefined> {
    const wanted = address.toLowerCase();
    return (await this.list()).find((m) => m.smtp === wanted);
  }

  async isSynced(address: string): Promise<boolean> {
    const wanted = address.toLowerCase();
    return (await this.list()).some((m) => m.smtp === wanted);
  }
}

/** The rules in force for one mailbox under this service's config. */
export function rulesForMailbox(config: Pick<ConnectorConfig, 'rules' | 'mailboxes'>, smtp: string): Rules {
  const entry = config.mailboxes.list.find((m) => m.smtp.toLowerCase() === smtp.toLowerCase());
  return effectiveRules(config.rules, entry);
}
