import type { MailboxStatus } from '@connector/state';
import type { CliContext } from '../cli.context.js';
import { EXIT, type ExitCode } from '../cli.error.js';

const LIST_LIMIT = 5_000;

export interface MailboxView {
  smtp: string;
  crmUser: string | undefined;
  /** In the scheduler's current list (CRM sync-enabled ∩ config). */
  synced: boolean;
  enabled: boolean;
  suspended: boolean;
  suspendedSince?: string;
  suspendedReason?: string;
  nextRetryAt?: string;
  consecutiveFailures: number;
  cycles: MailboxStatus['cycles'];
  openConflicts: number;
  quarantined: number;
}

/** Every mailbox the connector knows of: synced now, listed in the config, or with a status row. */
export async function mailboxViews(ctx: CliContext): Promise<MailboxView[]> {
  const state = await ctx.state();
  const [synced, statuses] = await Promise.all([ctx.registry().list(), state.mailboxes.listMailboxStatus()]);
  const addresses = new Set([...synced.map((m) => m.smtp), ...statuses.map((s) => s.mailbox), ...ctx.config.mailboxes.list.map((m) => m.smtp.toLowerCase())]);
  const views: MailboxView[] = [];
  for (const smtp of [...addresses].sort()) {
    const entry = synced.find((m) => m.smtp === smtp);
    const status = statuses.find((s) => s.mailbox === smtp);
    const [conflicts, quarantined] = await Promise.all([
      state.conflicts.listConflicts(smtp, { limit: LIST_LIMIT }),
      state.quarantine.listQuarantine(smtp, { limit: LIST_LIMIT }),
    ]);
    views.push({
      smtp,
      crmUser: entry?.crmUser ?? ctx.config.mailboxes.list.find((m) => m.smtp.toLowerCase() === smtp)?.crmUser,
      synced: entry !== undefined,
      enabled: status?.enabled ?? false,
      suspended: status?.suspended ?? false,
      ...(status?.suspendedSince ? { suspendedSince: status.suspendedSince } : {}),
      ...(status?.suspendedReason ? { suspendedReason: status.suspendedReason } : {}),
      ...(status?.nextRetryAt ? { nextRetryAt: status.nextRetryAt } : {}),
      consecutiveFailures: status?.consecutiveFailures ?? 0,
      cycles: status?.cycles ?? [],
      openConflicts: conflicts.length,
      quarantined: quarantined.length,
    });
  }
  return views;
}

function describe(view: MailboxView): string[] {
  const access = view.suspended
    ? `SUSPENDED since ${view.suspendedSince ?? '?'} (${view.suspendedReason ?? 'no reason'}), next retry ${view.nextRetryAt ?? '?'}`
    : view.enabled
      ? 'enabled'
      : 'disabled';
  const lines = [
    `${view.smtp}${view.crmUser ? ` (CRM user ${view.crmUser})` : ''}`,
    `  synced: ${view.synced ? 'yes' : 'no'}; ${access}; conflicts open: ${view.openConflicts}; quarantined: ${view.quarantined}`,
  ];
  if (view.cycles.length === 0) lines.push('  no cycle finished yet');
  for (const cycle of view.cycles) {
    const c = cycle.counts;
    lines.push(
      `  ${cycle.objectType.padEnd(11)} last cycle ${cycle.finishedAt}: CRM +${c.createdInCrm} ~${c.updatedInCrm} -${c.deletedInCrm}, Exchange +${c.createdInExchange} ~${c.updatedInExchange} -${c.deletedInExchange}, errors ${c.errors}`,
    );
  }
  return lines;
}

/** `connector mailboxes`: each mailbox's state as the dashboard shows it. */
export async function mailboxes(ctx: CliContext): Promise<ExitCode> {
  const views = await mailboxViews(ctx);
  ctx.out.result({ mailboxes: views }, () => (views.length === 0 ? ['no mailboxes known'] : views.flatMap(describe)));
  return EXIT.ok;
}
