import type { ObjectType } from '@connector/core';
import { OBJECT_TYPES } from '@connector/core';
import { CrmClient } from '@connector/crm-client';
import { createEwsGateway, type ExchangePort } from '@connector/exchange';
import { compileRules } from '@connector/rules';
import { pollSides, rulesForMailbox, type MailboxEntry } from '@connector/scheduling';
import { crmClientOptions, exchangeGatewayOptions } from '@connector/wiring';
import { parseType, type CliContext } from '../cli.context.js';
import { EXIT, type ExitCode } from '../cli.error.js';
import { readCrmChanges } from '../plan/crm-changes.reader.js';
import { readExchangeChanges } from '../plan/exchange-changes.reader.js';
import { decideAll, emptyTypePlan, type TypePlan } from '../plan/plan.decider.js';
import type { PlanTarget, SideRead, UnreadableItem } from '../plan/planned-change.js';

export interface PlanOptions {
  mailbox?: string;
  type?: string;
  verbose?: boolean;
}

export interface TypePlanReport extends Omit<TypePlan, 'items'> {
  mailbox: string;
  objectType: ObjectType;
  sides: string[];
  notes: string[];
  unreadable: UnreadableItem[];
  items?: TypePlan['items'];
  error?: string;
}

/** Cursors as the plan sees them: readable, never written (a write here would be a bug, so it throws). */
function readOnlyCursors(ctx: CliContext) {
  const cursors = ctx.cursors();
  const refuse = async (): Promise<never> => {
    throw new Error('plan must not move a cursor');
  };
  return {
    getSyncState: cursors.getSyncState.bind(cursors),
    getAnchor: cursors.getAnchor.bind(cursors),
    setSyncState: refuse,
    setAnchor: refuse,
    deleteSyncState: refuse,
    deleteAnchor: refuse,
    deleteAllForMailbox: refuse,
  };
}

function openClients(ctx: CliContext): { exchange: ExchangePort; crm: CrmClient } {
  const gateway = createEwsGateway(exchangeGatewayOptions(ctx.config.exchange));
  const client = new CrmClient(crmClientOptions(ctx.config.crm, readOnlyCursors(ctx)));
  return { exchange: gateway, crm: client };
}

async function planType(ctx: CliContext, clients: ReturnType<typeof openClients>, entry: MailboxEntry, objectType: ObjectType, synced: ReadonlySet<string>, verbose: boolean): Promise<TypePlanReport> {
  const state = await ctx.state();
  const rules = rulesForMailbox(ctx.config, entry.smtp);
  const sides = pollSides(objectType, rules);
  const target: PlanTarget = { mailbox: entry.smtp, crmUser: entry.crmUser, crmUserId: entry.crmUserId, objectType };
  const report = (plan: TypePlan, reads: SideRead[], error?: string): TypePlanReport => {
    const { items, ...counts } = plan;
    return {
      mailbox: entry.smtp,
      objectType,
      sides,
      ...counts,
      notes: reads.flatMap((r) => r.notes),
      unreadable: reads.flatMap((r) => r.unreadable),
      ...(verbose ? { items } : {}),
      ...(error ? { error } : {}),
    };
  };
  const reads: SideRead[] = [];
  try {
    for (const side of sides) {
      reads.push(
        side === 'exchange'
          ? await readExchangeChanges(clients.exchange, ctx.cursors(), state.links, target, rules)
          : await readCrmChanges(clients.crm, state.links, target),
      );
    }
    const compiled = compileRules(ctx.config.rules, ctx.config.mailboxes.list.find((m) => m.smtp.toLowerCase() === entry.smtp));
    const plan = await decideAll(target, reads.flatMap((r) => r.changes), { links: state.links, exchange: clients.exchange, rules: compiled, syncedAddresses: synced, now: new Date().toISOString() });
    return report(plan, reads);
  } catch (error) {
    return report(emptyTypePlan(), reads, error instanceof Error ? error.message : String(error));
  }
}

function describe(r: TypePlanReport, verbose: boolean): string[] {
  const head = `${r.mailbox} ${r.objectType}`;
  if (r.sides.length === 0) return [`${head}: not synced (rule disabled)`];
  if (r.error) return [`${head}: could not plan: ${r.error}`];
  const e = r.exchange;
  const c = r.crm;
  const lines = [
    `${head}: Exchange +${e.create} ~${e.update} -${e.delete} | CRM +${c.create} ~${c.update} -${c.delete} | skipped ${r.skipped}, quarantined ${r.quarantined + r.unreadable.length}, conflicts ${r.conflicts}`,
    ...r.notes.map((n) => `  note: ${n}`),
  ];
  if (verbose) {
    for (const item of r.items ?? []) {
      const id = item.origin === 'exchange' ? item.exchangeItemId : item.crmRecordId;
      lines.push(`  ${item.origin} ${item.kind} ${id}${item.subject ? ` "${item.subject}"` : ''} → ${item.actions.join(', ')} (${item.reason})`);
    }
    for (const u of r.unreadable) lines.push(`  ${u.side} ${u.id} → Quarantine (${u.reason})`);
  }
  return lines;
}

/**
 * `connector plan`: the dry run. Reads what the next cycle would read, decides each change with
 * the pure rules against the stored links, prints the writes it would make; writes nothing
 * (no Exchange or CRM write, no link, no cursor, no queue job). Exit 4 when some mailbox or type
 * could not be read.
 */
export async function plan(ctx: CliContext, options: PlanOptions): Promise<ExitCode> {
  const type = parseType(options.type);
  const entries = await ctx.syncedMailboxes(options.mailbox);
  const synced = new Set((await ctx.registry().list()).map((m) => m.smtp));
  const clients = openClients(ctx);
  const reports: TypePlanReport[] = [];
  try {
    for (const entry of entries) {
      for (const objectType of OBJECT_TYPES) {
        if (type && type !== objectType) continue;
        reports.push(await planType(ctx, clients, entry, objectType, synced, options.verbose ?? false));
      }
    }
  } finally {
    await clients.exchange.close();
  }
  ctx.out.result({ dryRun: true, plans: reports }, () => reports.flatMap((r) => describe(r, options.verbose ?? false)));
  return reports.some((r) => r.error) ? EXIT.partial : EXIT.ok;
}
