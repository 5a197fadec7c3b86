import type { HistoryEntry, ItemRef } from '@connector/state';
import { parseType, type CliContext } from '../cli.context.js';
import { CliError, EXIT, type ExitCode } from '../cli.error.js';

export interface HistoryOptions {
  exchangeId?: string;
  crmId?: string;
  mailbox?: string;
  type?: string;
  limit?: string;
}

/** The item reference from the arguments: a link id, or a side's id with mailbox and type. */
export function itemRef(linkId: string | undefined, options: HistoryOptions): ItemRef {
  const named = [linkId, options.exchangeId, options.crmId].filter((v) => v !== undefined);
  if (named.length !== 1) throw new CliError('CLI_USAGE', 'name the item once: a link id, or --exchange-id, or --crm-id (with --mailbox and --type)');
  if (linkId !== undefined) return { linkId };
  const objectType = parseType(options.type);
  if (!options.mailbox || !objectType) throw new CliError('CLI_USAGE', '--exchange-id and --crm-id need --mailbox and --type');
  const mailbox = options.mailbox.toLowerCase();
  return options.exchangeId !== undefined ? { mailbox, objectType, exchangeItemId: options.exchangeId } : { mailbox, objectType, crmRecordId: options.crmId! };
}

function line(e: HistoryEntry): string {
  const ids = [e.linkId && `link ${e.linkId}`, e.exchangeItemId && `exchange ${e.exchangeItemId}`, e.crmRecordId && `crm ${e.crmRecordId}`].filter(Boolean).join(', ');
  return `${e.at} ${e.mailbox} ${e.objectType} from ${e.origin ?? 'connector'}: ${e.action} ${e.outcome} (${e.rule})${e.detail ? ` — ${e.detail}` : ''} [${ids}]`;
}

/** `connector history`: every decision that touched an item, oldest first. Exit 3 when there is none. */
export async function history(ctx: CliContext, linkId: string | undefined, options: HistoryOptions): Promise<ExitCode> {
  const ref = itemRef(linkId, options);
  const state = await ctx.state();
  const entries = await state.history.historyFor(ref, { limit: Number(options.limit ?? '200') });
  if (entries.length === 0) throw new CliError('ITEM_NOT_FOUND', `no history for ${JSON.stringify(ref)}`);
  ctx.out.result({ item: ref, entries }, () => entries.map(line));
  return EXIT.ok;
}
