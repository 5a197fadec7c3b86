import type { ConnectorConfig } from '@connector/config';
import type { ServiceContext } from '@connector/runtime';
import type { CursorStore } from '@connector/state';
import { CrmClient, type AnchorKey, type AnchorStore, type CrmClientOptions } from '@connector/crm-client';
import { createTokenSigner, type SigningKey } from '@connector/crm-token';
import { PipelineMetrics } from './metrics.wiring.js';

export function signingKey(token: ConnectorConfig['crm']['token']): SigningKey {
  return token.algorithm === 'ed25519' ? { algorithm: 'ed25519', privateKey: token.privateKey } : { algorithm: 'hs256', secret: token.secret };
}

/** SyncML anchors live with the EWS sync states in Redis: cursors and queues are lost together. */
export function cursorAnchorStore(cursors: CursorStore): AnchorStore {
  const datastoreKey = (key: AnchorKey) => `${key.datastore}|${key.deviceId}`;
  return {
    get: (key) => cursors.getAnchor(key.user, datastoreKey(key)),
    set: (key, anchor) => cursors.setAnchor(key.user, datastoreKey(key), anchor),
  };
}

/** The SyncML client settings the config gives, with anchors kept in the given cursor store. */
export function crmClientOptions(crm: ConnectorConfig['crm'], cursors: CursorStore): CrmClientOptions {
  return {
    url: crm.url,
    deviceId: crm.deviceId,
    maxMsgSize: crm.maxMsgSize,
    timeoutMs: crm.timeoutMs,
    tokens: createTokenSigner({ key: signingKey(crm.token) }),
    anchors: cursorAnchorStore(cursors),
  };
}

export function openCrm(context: ServiceContext, cursors: CursorStore): CrmClient {
  const metrics = PipelineMetrics.for(context.registry);
  return new CrmClient({
    ...crmClientOptions(context.config.crm, cursors),
    onWire: (xml, direction) => {
      metrics.syncmlMessages.inc({ direction });
      metrics.syncmlBytes.inc({ direction }, Buffer.byteLength(xml));
    },
  });
}
