import { OBJECT_TYPES, type ObjectType, type Side } from '@connector/core';
import { pollSides, requestPoll, rulesForMailbox, type MailboxEntry } from '@connector/scheduling';
import { parseType, type CliContext } from '../cli.context.js';
import { EXIT, type ExitCode } from '../cli.error.js';
import { waitWithProgress } from '../drain-progress.js';

export interface SyncNowOptions {
  mailbox?: string;
  type?: string;
  wait?: boolean;
  timeout?: string;
}

export interface RequestedPoll {
  mailbox: string;
  objectType: ObjectType;
  side: Side;
}

/** What the scheduler's "sync now" does: a poll now for each type and each side its rule reads. */
export async function requestPollsNow(ctx: CliContext, entries: readonly MailboxEntry[], type: ObjectType | undefined): Promise<RequestedPoll[]> {
  const queues = ctx.queues();
  const polls = { exchange: queues.pollExchange, crm: queues.pollCrm };
  const requested: RequestedPoll[] = [];
  for (const entry of entries) {
    const rules = rulesForMailbox(ctx.config, entry.smtp);
    for (const objectType of OBJECT_TYPES) {
      if (type && type !== objectType) continue;
      for (const side of pollSides(objectType, rules)) {
        await requestPoll(polls, { mailbox: entry.smtp, crmUser: entry.crmUser, objectType, side }, { kind: 'now' }, 'sync-now');
        requested.push({ mailbox: entry.smtp, objectType, side });
      }
    }
  }
  return requested;
}

export function timeoutMs(timeout: string | undefined): number {
  return Number(timeout ?? '600') * 1000;
}

/** `connector sync-now`: polls now, and with `--wait` until the pipeline has nothing left to do. */
export async function syncNow(ctx: CliContext, options: SyncNowOptions): Promise<ExitCode> {
  const type = parseType(options.type);
  const entries = await ctx.syncedMailboxes(options.mailbox);
  const requested = await requestPollsNow(ctx, entries, type);
  ctx.out.note(`requested ${requested.length} poll(s) for ${entries.length} mailbox(es)`);
  const waited = options.wait ? await waitWithProgress(ctx.queues(), ctx.out, timeoutMs(options.timeout)) : undefined;
  ctx.out.result({ requested, mailboxes: entries.map((e) => e.smtp), ...(waited ? { drained: true, durationMs: waited.durationMs } : {}) }, () => [
    `sync requested: ${requested.length} poll(s) for ${entries.map((e) => e.smtp).join(', ')}${waited ? `; queues drained after ${(waited.durationMs / 1000).toFixed(1)} s` : ''}`,
  ]);
  return EXIT.ok;
}
