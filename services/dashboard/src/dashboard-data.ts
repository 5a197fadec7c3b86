import { QUEUE_NAMES, type QueueName } from '@connector/core';
import type { MailboxEntry } from '@connector/scheduling';
import type { Conflict, MailboxStatus, QuarantineEntry } from '@connector/state';
import type { DashboardDeps } from './dashboard.deps.js';

/** Enough for any page; counts beyond it show as "at least". */
export const LIST_LIMIT = 1_000;

export interface MailboxSummary {
  mailbox: string;
  crmUser?: string;
  /** In the current mailbox list (synced); a mailbox only known from its status was dropped. */
  listed: boolean;
  /** Null until the mailbox's first cycle, error or enable/disable. */
  status: MailboxStatus | null;
  openConflicts: number;
  quarantined: number;
}

export interface MailboxDetail extends MailboxSummary {
  conflicts: Conflict[];
  quarantine: QuarantineEntry[];
}

export type QueueCounts = Record<'waiting' | 'active' | 'delayed' | 'failed' | 'completed', number>;

export interface Overview {
  mailboxes: MailboxSummary[];
  queues: Array<{ name: QueueName; counts: QueueCounts }>;
}

function entryFor(entries: readonly MailboxEntry[], smtp: string): MailboxEntry | undefined {
  const wanted = smtp.toLowerCase();
  return entries.find((e) => e.smtp.toLowerCase() === wanted);
}

export async function queueCounts(deps: Pick<DashboardDeps, 'queues'>): Promise<Overview['queues']> {
  const byName = new Map(Object.values(deps.queues).map((q) => [q.name, q.queue] as const));
  return Promise.all(
    QUEUE_NAMES.map(async (name) => {
      const counts = await byName.get(name)!.getJobCounts('waiting', 'active', 'delayed', 'failed', 'completed');
      return { name, counts: counts as QueueCounts };
    }),
  );
}

/** Every mailbox of the current list plus every mailbox with a status row, sorted by address. */
export async function overview(deps: DashboardDeps): Promise<Overview> {
  const [entries, statuses, quarantine, queues] = await Promise.all([
    deps.registry.list(),
    deps.stores.mailboxes.listMailboxStatus(),
    deps.stores.quarantine.listQuarantine(undefined, { limit: 5_000 }),
    queueCounts(deps),
  ]);
  const addresses = new Map<string, string>();
  for (const smtp of [...entries.map((e) => e.smtp), ...statuses.map((s) => s.mailbox)]) addresses.set(smtp.toLowerCase(), smtp);
  const mailboxes = await Promise.all(
    [...addresses.values()].map(async (smtp): Promise<MailboxSummary> => {
      const entry = entryFor(entries, smtp);
      const conflicts = await deps.stores.conflicts.listConflicts(smtp, { limit: LIST_LIMIT });
      return {
        mailbox: smtp,
        ...(entry ? { crmUser: entry.crmUser } : {}),
        listed: entry !== undefined,
        status: statuses.find((s) => s.mailbox.toLowerCase() === smtp.toLowerCase()) ?? null,
        openConflicts: conflicts.length,
        quarantined: quarantine.filter((q) => q.mailbox.toLowerCase() === smtp.toLowerCase()).length,
      };
    }),
  );
  mailboxes.sort((a, b) => a.mailbox.localeCompare(b.mailbox));
  return { mailboxes, queues };
}

/** One mailbox with its open conflicts and quarantined items; null when nothing knows it. */
export async function mailboxDetail(deps: DashboardDeps, smtp: string): Promise<MailboxDetail | null> {
  const [entries, status, conflicts, quarantine] = await Promise.all([
    deps.registry.list(),
    deps.stores.mailboxes.mailboxStatus(smtp),
    deps.stores.conflicts.listConflicts(smtp, { limit: LIST_LIMIT }),
    deps.stores.quarantine.listQuarantine(smtp, { limit: LIST_LIMIT }),
  ]);
  const entry = entryFor(entries, smtp);
  if (!entry && !status && conflicts.length === 0 && quarantine.length === 0) return null;
  return {
    mailbox: entry?.smtp ?? status?.mailbox ?? smtp,
    ...(entry ? { crmUser: entry.crmUser } : {}),
    listed: entry !== undefined,
    status,
    openConflicts: conflicts.length,
    quarantined: quarantine.length,
    conflicts,
    quarantine,
  };
}
