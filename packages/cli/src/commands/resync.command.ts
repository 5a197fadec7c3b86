import type { CliContext } from '../cli.context.js';
import { EXIT, type ExitCode } from '../cli.error.js';
import { waitWithProgress } from '../drain-progress.js';
import { requestPollsNow, timeoutMs } from './sync-now.command.js';

export interface ResyncOptions {
  mailbox: string;
  wait?: boolean;
  timeout?: string;
}

/**
 * `connector resync --mailbox`: forgets the mailbox's EWS sync states and its user's SyncML
 * anchors, then asks for polls now. The next cycle re-enumerates both sides (EWS full sync, SyncML
 * slow sync) and the rule engine matches every item to its link: nothing is created twice.
 */
export async function resync(ctx: CliContext, options: ResyncOptions): Promise<ExitCode> {
  const [entry] = await ctx.syncedMailboxes(options.mailbox);
  await ctx.cursors().deleteAllForMailbox(entry!.smtp, entry!.crmUser);
  const requested = await requestPollsNow(ctx, [entry!], undefined);
  ctx.out.note(`cursors of ${entry!.smtp} (CRM user ${entry!.crmUser}) deleted; ${requested.length} poll(s) requested`);
  const waited = options.wait ? await waitWithProgress(ctx.queues(), ctx.out, timeoutMs(options.timeout)) : undefined;
  ctx.out.result({ mailbox: entry!.smtp, crmUser: entry!.crmUser, cursorsDeleted: true, requested, ...(waited ? { drained: true, durationMs: waited.durationMs } : {}) }, () => [
    `resync of ${entry!.smtp} started: cursors deleted, ${requested.length} poll(s) requested${waited ? `; queues drained after ${(waited.durationMs / 1000).toFixed(1)} s` : ''}`,
  ]);
  return EXIT.ok;
}
