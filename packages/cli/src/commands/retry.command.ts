import { JobContractError } from '@connector/core';
import { requeueQuarantined, type QuarantineEntry } from '@connector/state';
import type { CliContext } from '../cli.context.js';
import { CliError, EXIT, type ExitCode } from '../cli.error.js';

const LIST_LIMIT = 5_000;

export interface RetryOptions {
  mailbox?: string;
  id?: string;
}

interface RetryOutcome {
  id: string;
  mailbox: string;
  objectType: string;
  sourceId: string;
  outcome: 'retried' | 'gone' | 'not-retryable';
  detail?: string;
}

async function retryOne(ctx: CliContext, entry: QuarantineEntry): Promise<RetryOutcome> {
  const state = await ctx.state();
  const base = { id: entry.id, mailbox: entry.mailbox, objectType: entry.objectType, sourceId: entry.sourceId };
  try {
    const released = await requeueQuarantined(state.quarantine, ctx.queues().changes, entry);
    return { ...base, outcome: released ? 'retried' : 'gone' };
  } catch (error) {
    // Only change jobs can be re-enqueued (a poller's "re-read this item" entry cannot); it stays quarantined and visible.
    if (error instanceof JobContractError) return { ...base, outcome: 'not-retryable', detail: error.message };
    throw error;
  }
}

/**
 * `connector retry`: requeues open quarantine entries (one by id, one mailbox's, or all). Exit 4
 * when some could not be requeued; 3 when the id names no open entry.
 */
export async function retry(ctx: CliContext, options: RetryOptions): Promise<ExitCode> {
  const state = await ctx.state();
  const mailbox = options.mailbox?.toLowerCase();
  let entries = await state.quarantine.listQuarantine(mailbox, { limit: LIST_LIMIT });
  if (options.id !== undefined) {
    entries = entries.filter((e) => e.id === options.id);
    if (entries.length === 0) throw new CliError('QUARANTINE_NOT_FOUND', `no open quarantine entry ${options.id}${mailbox ? ` in ${mailbox}` : ''}`);
  }
  const results: RetryOutcome[] = [];
  for (const entry of entries) results.push(await retryOne(ctx, entry));
  const failed = results.filter((r) => r.outcome !== 'retried');
  ctx.out.result({ retried: results.length - failed.length, failed: failed.length, results }, () => [
    ...results.map((r) => `${r.outcome.padEnd(13)} ${r.id} ${r.mailbox} ${r.objectType} ${r.sourceId}${r.detail ? `: ${r.detail}` : ''}`),
    `${results.length - failed.length} of ${results.length} quarantined item(s) requeued`,
  ]);
  return failed.length > 0 ? EXIT.partial : EXIT.ok;
}
