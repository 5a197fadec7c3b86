import type { MapCommand } from '@connector/syncml';
import { STATUS } from '@connector/syncml';
import { scopeOf } from './alert.handler.js';
import { resolveDatastore } from './content-negotiation.js';
import type { Reply } from './reply.builder.js';
import type { SyncSession } from './session.model.js';
import type { SyncmlBackend } from './syncml-backend.port.js';

/**
 * Map (package 5): the client's LUIDs for the records the server added. Only records this
 * session sent as Add are accepted, so a client cannot claim records it was never given.
 */
export async function handleMap(backend: SyncmlBackend, session: SyncSession, map: MapCommand, reply: Reply): Promise<void> {
  const spec = resolveDatastore(backend.datastores(), map.target.locURI);
  const ds = spec ? session.datastores.get(spec.name) : undefined;
  if (!ds) {
    reply.status(map, STATUS.NOT_FOUND);
    return;
  }
  const accepted = map.mapItems.filter((mi) => session.awaitingMap.has(mi.target.locURI));
  const mappings = accepted.map((mi) => ({ recordId: mi.target.locURI, luid: mi.source.locURI }));
  if (mappings.length > 0) await backend.putMappings(scopeOf(session, ds), mappings);
  for (const m of mappings) session.awaitingMap.delete(m.recordId);
  reply.status(map, accepted.length === map.mapItems.length ? STATUS.OK : STATUS.NOT_FOUND);
}
