import type { Alert } from '@connector/syncml';
import { ALERT, STATUS, isSyncTypeAlert } from '@connector/syncml';
import { resolveDatastore } from './content-negotiation.js';
import type { Reply } from './reply.builder.js';
import type { DatastoreSession, SyncSession } from './session.model.js';
import type { SyncmlBackend, SyncScope } from './syncml-backend.port.js';

const CLIENT_INITIATED = new Set<number>([
  ALERT.TWO_WAY,
  ALERT.SLOW_SYNC,
  ALERT.ONE_WAY_FROM_CLIENT,
  ALERT.REFRESH_FROM_CLIENT,
  ALERT.ONE_WAY_FROM_SERVER,
  ALERT.REFRESH_FROM_SERVER,
]);
/** Types that continue from the last anchors; the others start over and need no agreement. */
const ANCHORED = new Set<number>([ALERT.TWO_WAY, ALERT.ONE_WAY_FROM_CLIENT, ALERT.ONE_WAY_FROM_SERVER]);

export function scopeOf(session: SyncSession, ds: DatastoreSession): SyncScope {
  return { user: session.user!, deviceId: session.deviceId, datastore: ds.spec };
}

/**
 * Sync initialization for one datastore: compares the client's Last anchor with the one stored
 * at the end of the previous session. On disagreement the Alert gets 508 and the server alerts
 * a slow sync (201) instead; otherwise the requested type is confirmed.
 */
export async function handleSyncAlert(backend: SyncmlBackend, session: SyncSession, alert: Alert, reply: Reply): Promise<void> {
  const requested = alert.data ?? 0;
  const item = alert.items[0];
  if (!CLIENT_INITIATED.has(requested)) {
    reply.status(alert, isSyncTypeAlert(requested) ? STATUS.OPTIONAL_FEATURE_NOT_SUPPORTED : STATUS.BAD_REQUEST);
    return;
  }
  const anchor = item?.meta?.anchor;
  if (!item?.target || !item.source || !anchor) {
    reply.status(alert, STATUS.INCOMPLETE_COMMAND);
    return;
  }
  const spec = resolveDatastore(backend.datastores(), item.target.locURI);
  if (!spec) {
    reply.status(alert, STATUS.NOT_FOUND);
    return;
  }
  const scope: SyncScope = { user: session.user!, deviceId: session.deviceId, datastore: spec };
  const stored = await backend.getAnchor(scope);
  const agreed = stored !== null && stored.clientAnchor !== null && stored.clientAnchor === (anchor.last ?? null);
  const refresh = ANCHORED.has(requested) && !agreed;
  const syncType = refresh ? ALERT.SLOW_SYNC : requested;
  const serverNext = await backend.watermark();
  const ds: DatastoreSession = {
    spec,
    clientUri: item.source.locURI,
    syncType,
    sendType: spec.fallbackType,
    clientNext: anchor.next,
    serverNext,
    fromSeq: stored?.serverSeq ?? '0',
    written: new Map(),
    clientSent: new Set(),
    planned: 0,
    syncSent: false,
    committed: false,
  };
  session.datastores.set(spec.name, ds);
  reply.status(alert, refresh ? STATUS.REFRESH_REQUIRED : STATUS.OK, [{ data: { anchor: { next: anchor.next } } }]);
  const serverAnchor = stored?.serverAnchor && syncType !== ALERT.SLOW_SYNC ? { last: stored.serverAnchor, next: serverNext } : { next: serverNext };
  reply.command({
    kind: 'Alert',
    data: syncType,
    items: [{ target: { locURI: ds.clientUri }, source: { locURI: spec.name }, meta: { anchor: serverAnchor } }],
  });
}
