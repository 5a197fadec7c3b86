import type { Item } from '@connector/exchange-sim';
import { openPgState, type PgState } from '@connector/state';
import { deleteKeysWithPrefix, isolatedRedis } from '@connector/testing';
import type { E2eSystem } from '../harness/e2e-system.js';

const DAY = 86_400_000;

/** Services start from sources; on a loaded two-core machine one can take over a minute to be ready. */
export const START_TIMEOUT_MS = 150_000;

/** An instant `days` from now at `hourUtc`:00 UTC, spelled as Exchange and the CRM return it. */
export function at(days: number, hourUtc: number, minute = 0): string {
  const day = new Date(Date.now() + days * DAY);
  day.setUTCHours(hourUtc, minute, 0, 0);
  return day.toISOString().replace('.000Z', 'Z');
}

/** The CRM record's instant as the CRM stores it (UTC with milliseconds). */
export const crmTime = (iso: string) => new Date(iso).toISOString();

/** The link store of the run (conflicts, quarantine, links), read as the dashboard would. */
export function openLinkStore(e2e: E2eSystem): Promise<PgState> {
  return openPgState({ url: e2e.system.databaseUrl, migrate: false, poolSize: 2 });
}

/** Losing the connector's Redis: every key of this run's prefix (never FLUSHALL on a shared server). */
export async function loseRedis(e2e: E2eSystem): Promise<void> {
  const probe = await isolatedRedis('e2e_flush');
  try {
    await deleteKeysWithPrefix(probe.client, e2e.system.redisPrefix);
  } finally {
    await probe.cleanup();
  }
}

/** Items of a folder whose subject is `subject`. */
export async function itemsNamed(e2e: E2eSystem, smtp: string, folder: string, subject: string): Promise<Item[]> {
  return (await e2e.exchange.items(smtp, folder)).filter((i) => i.fields.Subject === subject);
}

/** CRM activities of a user with this subject. */
export async function activitiesNamed(e2e: E2eSystem, login: string, subject: string) {
  const userId = await e2e.crm.users.userId(login);
  return (await e2e.crm.activities.listAll({ responsibleUserId: userId })).filter((a) => a.subject === subject);
}

/** EWS writes of one mailbox so far. */
export async function exchangeWrites(e2e: E2eSystem, smtp: string) {
  return (await e2e.exchange.stats()).writes[smtp] ?? { creates: 0, updates: 0, deletes: 0 };
}
