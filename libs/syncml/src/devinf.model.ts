/** Device information 1.2 (OMA-TS-DS_DevInf, namespace `syncml:devinf`). */
export interface DevInf {
  /** Always '1.2' for DevInf 1.2. */
  verDTD: string;
  man?: string;
  mod?: string;
  oem?: string;
  fwV?: string;
  swV?: string;
  hwV?: string;
  devID: string;
  /** e.g. 'server', 'workstation', 'phone', 'smartphone', 'pda' */
  devTyp: string;
  utc?: boolean;
  supportLargeObjs?: boolean;
  supportNumberOfChanges?: boolean;
  dataStores: DataStore[];
  ext?: DevInfExt[];
}

export interface ContentTypeRef {
  ctType: string;
  verCT: string;
}

export interface DataStore {
  sourceRef: string;
  displayName?: string;
  maxGUIDSize?: number;
  rxPref: ContentTypeRef;
  rx?: ContentTypeRef[];
  txPref: ContentTypeRef;
  tx?: ContentTypeRef[];
  ctCaps?: CTCap[];
  dsMem?: DSMem;
  supportHierarchicalSync?: boolean;
  /** DevInf SyncType values 1..7, see DEVINF_SYNC_TYPES. */
  syncCap: number[];
  filterRx?: ContentTypeRef[];
  filterCap?: FilterCap[];
}

export interface CTCap {
  ctType: string;
  verCT: string;
  fieldLevel?: boolean;
  properties: CTProperty[];
}

export interface CTProperty {
  propName: string;
  dataType?: string;
  maxOccur?: number;
  maxSize?: number;
  noTruncate?: boolean;
  valEnum?: string[];
  displayName?: string;
  propParams?: PropParam[];
}

export interface PropParam {
  paramName: string;
  dataType?: string;
  valEnum?: string[];
  displayName?: string;
}

export interface DSMem {
  sharedMem?: boolean;
  maxMem?: number;
  maxID?: number;
}

export interface FilterCap {
  ctType: string;
  verCT: string;
  filterKeywords?: string[];
  propNames?: string[];
}

export interface DevInfExt {
  xNam: string;
  xVal?: string[];
}

export const DEVINF_NAMESPACE = 'syncml:devinf';

/** SyncCap/SyncType values of DevInf 1.2 (not the Alert codes). */
export const DEVINF_SYNC_TYPES = {
  TWO_WAY: 1,
  SLOW: 2,
  ONE_WAY_FROM_CLIENT: 3,
  REFRESH_FROM_CLIENT: 4,
  ONE_WAY_FROM_SERVER: 5,
  REFRESH_FROM_SERVER: 6,
  SERVER_ALERTED: 7,
} as const;
