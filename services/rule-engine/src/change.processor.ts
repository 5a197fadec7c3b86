import { createHash } from 'node:crypto';
import type { ChangeJob, WriteJob } from '@connector/core';
import { decide, writesOf, type CompiledRules, type Decision, type OtherSideInput } from '@connector/rules';
import { StaleLinkError, findLinkOfChange, type ConnectorQueue, type HistoryStore, type ConflictStore, type LinkStore, type NewHistoryEntry, type QuarantineStore, type StoredLink } from '@connector/state';
import { writeJobsFor } from './write-jobs.js';

export interface ChangeDeps {
  links: LinkStore;
  history: Pick<HistoryStore, 'recordHistory'>;
  conflicts: Pick<ConflictStore, 'recordConflict'>;
  quarantine: Pick<QuarantineStore, 'quarantine'>;
  writeExchange: ConnectorQueue<'write-exchange'>;
  writeCrm: ConnectorQueue<'write-crm'>;
  /** The other side's current item, when the pair is linked and it can be read. */
  otherSide(link: StoredLink, change: ChangeJob): Promise<OtherSideInput | undefined>;
  rulesFor(mailbox: string): CompiledRules;
  syncedAddresses(): Promise<ReadonlySet<string>>;
  now(): string;
}

export interface ChangeOutcome {
  decision: Decision;
  linkId: string | undefined;
  writes: WriteJob[];
}

function pendingState(decision: Decision): 'pending-exchange' | 'pending-crm' | 'published' {
  const names = writesOf(decision).map((a) => a.name);
  if (names.includes('Publish')) return 'published';
  return names.includes('CreateInExchange') ? 'pending-exchange' : 'pending-crm';
}

/** A new pair gets its link before any write, so a retried write finds the item by the link id. */
async function linkForWrites(change: ChangeJob, link: StoredLink | null, decision: Decision, links: LinkStore): Promise<StoredLink> {
  if (link) return link;
  const { link: created } = await links.createOrGetLink({
    id: change.linkId,
    mailbox: change.mailbox,
    objectType: change.objectType,
    exchange: change.origin === 'exchange' ? change.exchange : undefined,
    crm: change.origin === 'crm' ? change.crm : undefined,
    state: pendingState(decision),
  });
  return created;
}

/**
 * A skipped change still moves the link to the version just seen (an item merely opened in
 * Outlook gets a new change key): the next write then starts from the current version, and
 * re-reading the same version is an echo. Losing the race to a writer is fine: it stored newer.
 */
async function recordSkip(change: ChangeJob, link: StoredLink | null, entry: NewHistoryEntry, deps: ChangeDeps): Promise<void> {
  const seen = change.kind === 'upsert' ? (change.origin === 'exchange' ? change.exchange : change.crm) : undefined;
  const known = change.origin === 'exchange' ? link?.exchange : link?.crm;
  if (!link || !seen || link.state === 'deleted' || JSON.stringify(seen) === JSON.stringify(known)) {
    await deps.history.recordHistory({ ...entry, linkId: link?.id });
    return;
  }
  const patch = change.origin === 'exchange' ? { exchange: change.exchange } : { crm: change.crm };
  try {
    await deps.links.compareAndSet(link.id, link.version, patch, { history: [entry] });
  } catch (error) {
    if (!(error instanceof StaleLinkError)) throw error;
    await deps.history.recordHistory({ ...entry, linkId: link.id });
  }
}

function writeJobIdOf(job: WriteJob, changeKey: string): string {
  const digest = createHash('sha256').update(`${changeKey}\n${job.action}`).digest('hex').slice(0, 16);
  return `wr-${job.target}-${job.linkId}-${digest}`;
}

/**
 * One change through the rule engine: find the pair's link, read the other side, decide (pure),
 * then record the decision and hand its writes to the writers. Re-running the same change job
 * yields the same write job ids, so a retry never writes twice.
 */
export async function processChange(change: ChangeJob, changeJobId: string, deps: ChangeDeps): Promise<ChangeOutcome> {
  const rules = deps.rulesFor(change.mailbox);
  const link = await findLinkOfChange(deps.links, change);
  const other = link ? await deps.otherSide(link, change) : undefined;
  const synced = await deps.syncedAddresses();
  const decision = decide({
    objectType: change.objectType,
    link: link ?? undefined,
    change: { origin: change.origin, kind: change.kind, item: change.item, exchange: change.exchange, crm: change.crm, lastModified: change.lastModified },
    other,
    rules,
    context: {
      now: deps.now(),
      mailbox: change.mailbox,
      isSyncedUser: (address) => synced.has(address.toLowerCase()),
      crmRelation: change.crmContext?.relation,
      crmAssignedToUser: change.crmContext?.assignedToUser,
    },
  });
  const history = {
    mailbox: change.mailbox,
    objectType: change.objectType,
    origin: change.origin,
    exchangeItemId: change.exchange?.itemId,
    crmRecordId: change.crm?.recordId,
    rule: decision.reason,
    cycleId: change.cycleId,
  };
  const quarantined = decision.actions.find((a) => a.name === 'Quarantine');
  if (quarantined && quarantined.name === 'Quarantine') {
    const sourceId = change.origin === 'exchange' ? change.exchange?.itemId : change.crm?.recordId;
    await deps.quarantine.quarantine({
      mailbox: change.mailbox,
      objectType: change.objectType,
      side: change.origin,
      sourceId: sourceId ?? 'unknown',
      linkId: link?.id,
      errorCode: 'ITEM_INVALID',
      reason: quarantined.problems.join('; '),
      payload: change,
    });
    await deps.history.recordHistory({ ...history, linkId: link?.id, action: 'Quarantine', outcome: 'quarantined', detail: quarantined.problems.join('; ') });
    return { decision, linkId: link?.id, writes: [] };
  }
  if (writesOf(decision).length === 0) {
    const action = decision.actions[0]?.name ?? 'Skip';
    await recordSkip(change, link, { ...history, action, outcome: 'skipped' }, deps);
    return { decision, linkId: link?.id, writes: [] };
  }
  const target = await linkForWrites(change, link, decision, deps.links);
  for (const conflict of decision.conflicts) {
    await deps.conflicts.recordConflict({
      linkId: target.id,
      field: conflict.field,
      baseValue: conflict.base,
      exchangeValue: conflict.exchange,
      crmValue: conflict.crm,
      policy: conflict.policy,
      winner: conflict.winner,
      cycleId: change.cycleId,
    });
  }
  const writes = writeJobsFor(change, target, decision);
  for (const action of writesOf(decision)) await deps.history.recordHistory({ ...history, linkId: target.id, action: action.name, outcome: 'decided' });
  const exchangeJobs = writes.filter((w) => w.target === 'exchange');
  const crmJobs = writes.filter((w) => w.target === 'crm');
  if (exchangeJobs.length > 0) await deps.writeExchange.addBulk(exchangeJobs.map((payload) => ({ payload, options: { jobId: writeJobIdOf(payload, changeJobId) } })));
  if (crmJobs.length > 0) await deps.writeCrm.addBulk(crmJobs.map((payload) => ({ payload, options: { jobId: writeJobIdOf(payload, changeJobId) } })));
  return { decision, linkId: target.id, writes };
}
