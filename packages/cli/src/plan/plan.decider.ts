import type { ObjectType } from '@connector/core';
import type { ExchangePort } from '@connector/exchange';
import { decide, writesOf, type CompiledRules, type Decision, type OtherSideInput } from '@connector/rules';
import { findLinkOfChange, type LinkStore, type StoredLink } from '@connector/state';
import type { PlannedChange, PlanTarget } from './planned-change.js';

export const PLAN_COUNT_KEYS = ['create', 'update', 'delete'] as const;
export type SideCounts = Record<(typeof PLAN_COUNT_KEYS)[number], number>;

export interface PlannedItem {
  origin: PlannedChange['origin'];
  kind: PlannedChange['kind'];
  exchangeItemId?: string;
  crmRecordId?: string;
  linkId?: string;
  subject?: string;
  actions: string[];
  reason: string;
}

export interface TypePlan {
  exchange: SideCounts;
  crm: SideCounts;
  skipped: number;
  quarantined: number;
  conflicts: number;
  items: PlannedItem[];
}

export interface DecideDeps {
  links: Pick<LinkStore, 'getLink' | 'findByExchangeId' | 'findByCrmId'>;
  exchange: Pick<ExchangePort, 'getItems'>;
  rules: CompiledRules;
  syncedAddresses: ReadonlySet<string>;
  now: string;
}

/** The rule engine reads the current Exchange item when the CRM side of a linked pair changed. */
async function otherSide(target: PlanTarget, link: StoredLink, change: PlannedChange, exchange: DecideDeps['exchange']): Promise<OtherSideInput | undefined> {
  if (change.origin !== 'crm' || !link.exchange) return undefined;
  const [result] = await exchange.getItems(target.mailbox, target.objectType as ObjectType, [link.exchange.itemId]);
  return result?.ok ? { item: result.value.item } : undefined;
}

function count(plan: TypePlan, decision: Decision): void {
  for (const action of writesOf(decision)) {
    switch (action.name) {
      case 'CreateInExchange':
        plan.exchange.create += 1;
        break;
      case 'UpdateExchangeFromCrm':
        plan.exchange.update += 1;
        break;
      case 'DeleteInExchange':
        plan.exchange.delete += 1;
        break;
      case 'CreateInCrm':
        plan.crm.create += 1;
        break;
      case 'Publish':
        plan.crm[action.crm ? 'update' : 'create'] += 1;
        break;
      case 'UpdateCrmFromExchange':
      case 'FlagDeletedInCrm': // the record stays, marked "deleted by connector"
        plan.crm.update += 1;
        break;
      case 'DeleteInCrm':
        plan.crm.delete += 1;
        break;
      case 'MergeAndUpdateBoth':
        if (action.exchangeFields.length > 0) plan.exchange.update += 1;
        if (action.crmFields.length > 0) plan.crm.update += 1;
        break;
    }
  }
  if (decision.actions.some((a) => a.name === 'Quarantine')) plan.quarantined += 1;
  else if (writesOf(decision).length === 0) plan.skipped += 1;
  plan.conflicts += decision.conflicts.length;
}

/** A human handle for an item in `--verbose` lines: its subject, or a contact's name. */
function titleOf(change: PlannedChange): string | undefined {
  const item = change.item as Record<string, unknown> | undefined;
  const title = item?.subject ?? item?.displayName;
  return typeof title === 'string' ? title : undefined;
}

export function emptyTypePlan(): TypePlan {
  return { exchange: { create: 0, update: 0, delete: 0 }, crm: { create: 0, update: 0, delete: 0 }, skipped: 0, quarantined: 0, conflicts: 0, items: [] };
}

/**
 * Runs the pure `decide()` for each change against the stored links, as the rule engine would,
 * and tallies the writes. Each change is decided against the links as they are now: two changes
 * of one pair in the same cycle (both sides edited) are each shown against the current link.
 */
export async function decideAll(target: PlanTarget, changes: readonly PlannedChange[], deps: DecideDeps): Promise<TypePlan> {
  const plan = emptyTypePlan();
  for (const change of changes) {
    const link = await findLinkOfChange(deps.links, { ...change, mailbox: target.mailbox, objectType: target.objectType });
    const other = link ? await otherSide(target, link, change, deps.exchange) : undefined;
    const decision = decide({
      objectType: target.objectType,
      link: link ?? undefined,
      change: { origin: change.origin, kind: change.kind, item: change.item, exchange: change.exchange, crm: change.crm },
      other,
      rules: deps.rules,
      context: {
        now: deps.now,
        mailbox: target.mailbox,
        isSyncedUser: (address) => deps.syncedAddresses.has(address.toLowerCase()),
        crmRelation: change.crmContext?.relation,
        crmAssignedToUser: change.crmContext?.assignedToUser,
      },
    });
    count(plan, decision);
    const subject = titleOf(change);
    plan.items.push({
      origin: change.origin,
      kind: change.kind,
      ...(change.exchange ? { exchangeItemId: change.exchange.itemId } : {}),
      ...(change.crm ? { crmRecordId: change.crm.recordId } : {}),
      ...(link ? { linkId: link.id } : {}),
      ...(subject !== undefined ? { subject } : {}),
      actions: decision.actions.map((a) => (a.name === 'Skip' ? `Skip(${a.reason})` : a.name)),
      reason: decision.reason,
    });
  }
  return plan;
}
