import type { DataStore, DevInf } from '@connector/syncml';
import { DEVINF_SYNC_TYPES } from '@connector/syncml';
import type { DatastoreSpec } from './syncml-backend.port.js';

export const DEVINF_URI_12 = './devinf12';

function dataStore(spec: DatastoreSpec): DataStore {
  const [pref, ...rest] = spec.contentTypes;
  const preferred = pref ?? spec.nativeType;
  return {
    sourceRef: spec.name,
    displayName: spec.displayName,
    maxGUIDSize: 64,
    rxPref: preferred,
    rx: rest,
    txPref: preferred,
    tx: rest,
    syncCap: [
      DEVINF_SYNC_TYPES.TWO_WAY,
      DEVINF_SYNC_TYPES.SLOW,
      DEVINF_SYNC_TYPES.ONE_WAY_FROM_CLIENT,
      DEVINF_SYNC_TYPES.REFRESH_FROM_CLIENT,
      DEVINF_SYNC_TYPES.ONE_WAY_FROM_SERVER,
      DEVINF_SYNC_TYPES.REFRESH_FROM_SERVER,
    ],
  };
}

/** The server's DevInf: one DataStore per datastore, native type preferred, standard types listed. */
export function serverDevInf(specs: readonly DatastoreSpec[], version: string): DevInf {
  return {
    verDTD: '1.2',
    man: 'crm-exchange-connector',
    mod: 'CRM.interface',
    swV: version,
    devID: 'crm-interface',
    devTyp: 'server',
    utc: true,
    supportLargeObjs: true,
    supportNumberOfChanges: true,
    dataStores: specs.map(dataStore),
  };
}
