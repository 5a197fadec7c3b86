import { ALERT } from '@connector/syncml';
import { scopeOf } from './alert.handler.js';
import { negotiateSendType } from './content-negotiation.js';
import type { DatastoreSession, PlannedChange, SyncSession } from './session.model.js';
import type { SyncmlBackend, SyncScope } from './syncml-backend.port.js';

async function allRecordIds(backend: SyncmlBackend, scope: SyncScope): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await backend.listRecords(scope, cursor);
    ids.push(...page.recordIds);
    cursor = page.cursor;
  } while (cursor !== undefined);
  return ids;
}

async function changedSince(backend: SyncmlBackend, scope: SyncScope, from: string, upto: string) {
  const upserts: string[] = [];
  const deletes: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await backend.changesSince(scope, from, upto, cursor);
    for (const c of page.changes) (c.kind === 'delete' ? deletes : upserts).push(c.recordId);
    cursor = page.cursor;
  } while (cursor !== undefined);
  return { upserts, deletes };
}

/** Adds for records the device does not know, Replaces (to its LUID) for the ones it does. */
async function upsertsFor(backend: SyncmlBackend, scope: SyncScope, ids: string[]): Promise<PlannedChange[]> {
  const luids = await backend.luidsForRecords(scope, ids);
  return ids.map((recordId) => {
    const luid = luids.get(recordId);
    return luid === undefined ? { op: 'add', recordId } : { op: 'replace', recordId, luid };
  });
}

/**
 * Refresh from client replaces the server's data with the client's. In a multi-user CRM that is
 * limited to what this device synchronizes: records mapped for it that the client did not send
 * are deleted (rights apply); nobody else's data is touched.
 */
async function refreshFromClient(backend: SyncmlBackend, scope: SyncScope, ds: DatastoreSession): Promise<void> {
  const stale = (await backend.listMappings(scope)).filter((m) => !ds.clientSent.has(m.recordId));
  for (const m of stale) await backend.remove(scope, m.recordId);
  await backend.removeMappings(scope, stale.map((m) => m.luid));
}

/**
 * Decides the server modifications of one datastore when the client's package 3 is complete:
 * the watermark fixes what this session delivers, the sync type what is sent.
 */
export async function planServerChanges(backend: SyncmlBackend, session: SyncSession, ds: DatastoreSession): Promise<void> {
  const scope = scopeOf(session, ds);
  ds.sendType = negotiateSendType(ds.spec, ds.clientUri, session.clientDevInf);
  ds.uptoSeq = await backend.watermark();
  let plan: PlannedChange[] = [];
  switch (ds.syncType) {
    case ALERT.ONE_WAY_FROM_CLIENT:
      break;
    case ALERT.REFRESH_FROM_CLIENT:
      await refreshFromClient(backend, scope, ds);
      break;
    case ALERT.REFRESH_FROM_SERVER:
      await backend.removeMappings(scope);
      plan = (await allRecordIds(backend, scope)).map((recordId) => ({ op: 'add', recordId }));
      break;
    case ALERT.SLOW_SYNC: {
      const ids = (await allRecordIds(backend, scope)).filter((id) => !ds.clientSent.has(id));
      plan = await upsertsFor(backend, scope, ids);
      break;
    }
    default: {
      const { upserts, deletes } = await changedSince(backend, scope, ds.fromSeq, ds.uptoSeq);
      const deleted = await backend.luidsForRecords(scope, deletes);
      plan = [
        ...(await upsertsFor(backend, scope, upserts)),
        ...deletes.flatMap((recordId): PlannedChange[] => {
          const luid = deleted.get(recordId);
          return luid === undefined ? [] : [{ op: 'delete', recordId, luid }];
        }),
      ];
    }
  }
  ds.plan = plan;
  ds.planned = 0;
  // One-way and refresh from the client get no Sync back, only the statuses.
  ds.syncSent = ds.syncType === ALERT.ONE_WAY_FROM_CLIENT || ds.syncType === ALERT.REFRESH_FROM_CLIENT;
}
