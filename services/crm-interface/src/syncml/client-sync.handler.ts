import type { Item, Sync, SyncChild } from '@connector/syncml';
import { ALERT, STATUS } from '@connector/syncml';
import { scopeOf } from './alert.handler.js';
import { resolveDatastore, supportedType } from './content-negotiation.js';
import { outcomeStatus, resultItem } from './item-outcome.js';
import type { Reply } from './reply.builder.js';
import type { DatastoreSession, SyncSession } from './session.model.js';
import type { LuidMapping, SyncmlBackend, SyncScope, WriteOutcome } from './syncml-backend.port.js';

const SERVER_ONLY = new Set<number>([ALERT.ONE_WAY_FROM_SERVER, ALERT.REFRESH_FROM_SERVER]);

interface SyncContext {
  backend: SyncmlBackend;
  session: SyncSession;
  ds: DatastoreSession;
  scope: SyncScope;
  reply: Reply;
  known: Map<string, string>;
  mappings: LuidMapping[];
}

/** The client's LUID of an item: Source for Add/Replace/Delete (Target as a fallback for Delete). */
const luidOf = (item: Item): string | undefined => item.source?.locURI ?? item.target?.locURI;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The record an item names: through the device's LUID map, else the server id the client put in
 * Target (a client that learnt the record elsewhere, e.g. the connector's reader device).
 */
function recordOf(known: Map<string, string>, luid: string, item: Item): string | undefined {
  const target = item.target?.locURI;
  return known.get(luid) ?? (target !== undefined && target !== luid && UUID.test(target) ? target : undefined);
}

interface ItemJob {
  cmd: SyncChild;
  refs: { target?: string; source?: string };
  /** Status decided without touching the CRM (chunk accepted, size mismatch, incomplete). */
  status?: number;
  work?: { item: Item; luid: string; contentType: string };
  result?: { code: number; items?: Item[] };
  /** The status answers the command as a whole (Copy, or writes in a one-way-from-server sync). */
  wholeCommand?: boolean;
}

/** Items of different LUIDs are independent: they are applied this many at a time. */
const PARALLEL_ITEMS = 8;

/** Applies the client's modifications of one Sync command; every item gets its own Status. */
export async function handleClientSync(backend: SyncmlBackend, session: SyncSession, sync: Sync, reply: Reply): Promise<void> {
  const spec = sync.target ? resolveDatastore(backend.datastores(), sync.target.locURI) : undefined;
  const ds = spec ? session.datastores.get(spec.name) : undefined;
  if (!ds) {
    reply.status(sync, spec ? STATUS.COMMAND_NOT_ALLOWED : STATUS.NOT_FOUND);
    for (const cmd of sync.commands) reply.status(cmd, STATUS.NOT_EXECUTED);
    return;
  }
  reply.status(sync, STATUS.OK);
  const scope = scopeOf(session, ds);
  const jobs: ItemJob[] = [];
  for (const cmd of sync.commands) {
    if (SERVER_ONLY.has(ds.syncType) || cmd.kind === 'Copy') {
      jobs.push({ cmd, refs: {}, wholeCommand: true, status: cmd.kind === 'Copy' ? STATUS.OPTIONAL_FEATURE_NOT_SUPPORTED : STATUS.COMMAND_NOT_ALLOWED });
      continue;
    }
    for (const item of cmd.items) jobs.push(prepare(session, ds, cmd, item));
  }
  const luids = jobs.flatMap((j) => (j.work ? [j.work.luid] : []));
  const ctx: SyncContext = { backend, session, ds, scope, reply, known: await backend.recordsForLuids(scope, luids), mappings: [] };
  // One lane per LUID keeps a LUID's commands in order; lanes run side by side.
  const lanes = new Map<string, ItemJob[]>();
  for (const job of jobs) if (job.work) lanes.set(job.work.luid, [...(lanes.get(job.work.luid) ?? []), job]);
  const queue = [...lanes.values()];
  const worker = async () => {
    for (let lane = queue.shift(); lane; lane = queue.shift()) {
      for (const job of lane) job.result = await applyWhole(ctx, job.cmd.kind, job.work!.item, job.work!.luid, job.work!.contentType);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL_ITEMS, queue.length) }, worker));
  if (ctx.mappings.length > 0) await backend.putMappings(scope, ctx.mappings);
  for (const job of jobs) {
    if (job.wholeCommand) reply.status(job.cmd, job.status!);
    else reply.itemStatus(job.cmd, job.result?.code ?? job.status!, job.refs, job.result?.items);
  }
}

/** Resolves an item without I/O: its LUID, its type, and large-object chunks joined in order. */
function prepare(session: SyncSession, ds: DatastoreSession, cmd: SyncChild, received: Item): ItemJob {
  const luid = luidOf(received);
  const refs = { source: received.source?.locURI, target: received.target?.locURI };
  if (luid === undefined) return { cmd, refs, status: STATUS.INCOMPLETE_COMMAND };
  let item = received;
  let contentType = received.meta?.type ?? cmd.meta?.type;
  if (session.discarding?.luid === luid) {
    const { status } = session.discarding;
    if (!received.moreData) session.discarding = undefined;
    return { cmd, refs, status };
  }
  if ((cmd.kind === 'Add' || cmd.kind === 'Replace') && (received.moreData || session.assembler.pending !== undefined)) {
    const bytes = typeof received.data === 'string' ? received.data.length * 2 : 0;
    const fail = (status: number): ItemJob => {
      session.assembler.abort();
      session.chunkBudget.release(session.key);
      session.pendingChunk = undefined;
      if (received.moreData) session.discarding = { luid, status };
      return { cmd, refs, status };
    };
    if (received.moreData && !session.chunkBudget.reserve(session.key, bytes)) return fail(STATUS.DEVICE_FULL);
    const assembled = session.assembler.accept(received, luid);
    if (assembled.state === 'error') return fail(assembled.status);
    if (assembled.state === 'chunk') {
      session.pendingChunk ??= { datastore: ds.spec.name, kind: cmd.kind, contentType };
      return { cmd, refs, status: STATUS.CHUNK_ACCEPTED };
    }
    session.chunkBudget.release(session.key);
    contentType = session.pendingChunk?.contentType ?? contentType;
    session.pendingChunk = undefined;
    item = assembled.item;
  }
  return { cmd, refs, work: { item, luid, contentType: contentType ?? ds.sendType.ctType } };
}

async function applyWhole(ctx: SyncContext, kind: SyncChild['kind'], item: Item, luid: string, contentType: string) {
  const { backend, scope, ds, known } = ctx;
  const recordId = recordOf(known, luid, item);
  if (kind === 'Delete') {
    if (recordId === undefined) return { code: STATUS.ITEM_NOT_DELETED };
    const outcome = await backend.remove(scope, recordId);
    if (outcome.result === 'deleted' || outcome.result === 'not-found') {
      await backend.removeMappings(scope, [luid]);
      known.delete(luid);
      ds.clientSent.delete(recordId);
      return { code: outcome.result === 'deleted' ? STATUS.OK : STATUS.ITEM_NOT_DELETED };
    }
    return { code: outcomeStatus(outcome, false) };
  }
  if (typeof item.data !== 'string') return { code: STATUS.INCOMPLETE_COMMAND };
  const type = supportedType(ds.spec, contentType);
  if (!type) return { code: STATUS.UNSUPPORTED_MEDIA_TYPE };
  let outcome: WriteOutcome | undefined;
  let added = false;
  if (recordId !== undefined) {
    // A known LUID: the client repeats an Add (its status got lost) or changes the record.
    outcome = await backend.replace(scope, recordId, type.ctType, item.data);
    if (outcome.result === 'not-found') outcome = undefined;
  }
  if (outcome === undefined) {
    outcome = await backend.add(scope, type.ctType, item.data);
    added = outcome.result === 'created';
  }
  if ('recordId' in outcome) {
    ds.written.set(outcome.recordId, outcome.version);
    ds.clientSent.add(outcome.recordId);
    if (known.get(luid) !== outcome.recordId) {
      known.set(luid, outcome.recordId);
      ctx.mappings.push({ luid, recordId: outcome.recordId });
    }
  }
  return { code: outcomeStatus(outcome, added), items: resultItem(luid, outcome) };
}
