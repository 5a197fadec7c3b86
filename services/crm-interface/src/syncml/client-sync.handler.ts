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
  const luids = sync.commands.flatMap((c) => c.items.map(luidOf)).filter((l): l is string => l !== undefined);
  const ctx: SyncContext = { backend, session, ds, scope, reply, known: await backend.recordsForLuids(scope, luids), mappings: [] };
  for (const cmd of sync.commands) {
    if (SERVER_ONLY.has(ds.syncType) || cmd.kind === 'Copy') {
      reply.status(cmd, cmd.kind === 'Copy' ? STATUS.OPTIONAL_FEATURE_NOT_SUPPORTED : STATUS.COMMAND_NOT_ALLOWED);
      continue;
    }
    for (const item of cmd.items) await applyItem(ctx, cmd, item);
  }
  if (ctx.mappings.length > 0) await backend.putMappings(scope, ctx.mappings);
}

async function applyItem(ctx: SyncContext, cmd: SyncChild, received: Item): Promise<void> {
  const { session, reply } = ctx;
  const luid = luidOf(received);
  const refs = { source: received.source?.locURI, target: received.target?.locURI };
  if (luid === undefined) {
    reply.itemStatus(cmd, STATUS.INCOMPLETE_COMMAND, refs);
    return;
  }
  let item = received;
  let contentType = received.meta?.type ?? cmd.meta?.type;
  if ((cmd.kind === 'Add' || cmd.kind === 'Replace') && (received.moreData || session.assembler.pending !== undefined)) {
    const assembled = session.assembler.accept(received, luid);
    if (assembled.state === 'chunk') {
      session.pendingChunk ??= { datastore: ctx.ds.spec.name, kind: cmd.kind, contentType };
      reply.itemStatus(cmd, STATUS.CHUNK_ACCEPTED, refs);
      return;
    }
    contentType = session.pendingChunk?.contentType ?? contentType;
    session.pendingChunk = undefined;
    if (assembled.state === 'error') {
      reply.itemStatus(cmd, assembled.status, refs);
      return;
    }
    item = assembled.item;
  }
  const status = await applyWhole(ctx, cmd.kind, item, luid, contentType ?? ctx.ds.sendType.ctType);
  reply.itemStatus(cmd, status.code, refs, status.items);
}

async function applyWhole(ctx: SyncContext, kind: SyncChild['kind'], item: Item, luid: string, contentType: string) {
  const { backend, scope, ds, known } = ctx;
  const recordId = known.get(luid);
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
