import type { DevInf } from './devinf.model.js';
import type { Anchor, MetInf } from './metinf.model.js';

/** Target / Source: LocURI with optional LocName. */
export interface Location {
  locURI: string;
  locName?: string;
}

/** Cred (Meta?, Data): auth type/format in Meta, credentials in Data. */
export interface Cred {
  meta?: MetInf;
  data: string;
}

/** Chal (Meta): auth type/format and NextNonce the other side must use. */
export interface Chal {
  meta: MetInf;
}

export interface SyncHdr {
  /** Written as VerDTD 1.2 / VerProto SyncML/1.2; decoding rejects anything else. */
  sessionID: string;
  msgID: number;
  target: Location;
  source: Location;
  respURI?: string;
  noResp?: boolean;
  cred?: Cred;
  meta?: MetInf;
}

/**
 * Item data: text (vCard, iCalendar, CRM XML as escaped text or CDATA), DevInf (Put/Results)
 * or a MetInf Anchor (Status for an Alert echoes the Next anchor).
 */
export type ItemData = string | { devInf: DevInf } | { anchor: Anchor };

export interface Item {
  target?: Location;
  source?: Location;
  sourceParent?: string;
  targetParent?: string;
  meta?: MetInf;
  data?: ItemData;
  /** More chunks of this large object follow. */
  moreData?: boolean;
}

interface CommandBase {
  cmdID: number;
}

/** Add, Replace and Copy share one shape. */
export interface ItemCommand<K extends 'Add' | 'Replace' | 'Copy'> extends CommandBase {
  kind: K;
  noResp?: boolean;
  cred?: Cred;
  meta?: MetInf;
  items: Item[];
}
export type Add = ItemCommand<'Add'>;
export type Replace = ItemCommand<'Replace'>;
export type Copy = ItemCommand<'Copy'>;

export interface Delete extends CommandBase {
  kind: 'Delete';
  noResp?: boolean;
  archive?: boolean;
  /** SftDel: soft delete. */
  softDelete?: boolean;
  cred?: Cred;
  meta?: MetInf;
  items: Item[];
}

export interface Alert extends CommandBase {
  kind: 'Alert';
  noResp?: boolean;
  cred?: Cred;
  /** Alert code, see ALERT_CODES. */
  data?: number;
  correlator?: string;
  items: Item[];
}

/** Get and Put (DevInf exchange): Lang is optional. */
export interface DevInfCommand<K extends 'Get' | 'Put'> extends CommandBase {
  kind: K;
  noResp?: boolean;
  lang?: string;
  cred?: Cred;
  meta?: MetInf;
  items: Item[];
}
export type Get = DevInfCommand<'Get'>;
export type Put = DevInfCommand<'Put'>;

export interface Results extends CommandBase {
  kind: 'Results';
  msgRef?: number;
  cmdRef: number;
  meta?: MetInf;
  targetRef?: string;
  sourceRef?: string;
  items: Item[];
}

export interface Status extends CommandBase {
  kind: 'Status';
  msgRef: number;
  /** 0 refers to the SyncHdr. */
  cmdRef: number;
  /** Name of the command this status answers ('SyncHdr', 'Alert', 'Add', ...). */
  cmd: string;
  targetRef?: string[];
  sourceRef?: string[];
  cred?: Cred;
  chal?: Chal;
  /** Status code, see STATUS_CODES. */
  data: number;
  items?: Item[];
}

export interface MapItem {
  target: Location;
  source: Location;
}

export interface MapCommand extends CommandBase {
  kind: 'Map';
  target: Location;
  source: Location;
  cred?: Cred;
  meta?: MetInf;
  mapItems: MapItem[];
}

/** Commands allowed inside Sync that this codec models. */
export type SyncChild = Add | Replace | Delete | Copy;

export interface Sync extends CommandBase {
  kind: 'Sync';
  noResp?: boolean;
  cred?: Cred;
  target?: Location;
  source?: Location;
  meta?: MetInf;
  numberOfChanges?: number;
  commands: SyncChild[];
}

/**
 * A command the codec recognises by name but does not model (Atomic, Sequence, Exec, Search,
 * Move). The server answers it with 406 Optional feature not supported.
 */
export interface UnsupportedCommand extends CommandBase {
  kind: 'Unsupported';
  name: string;
}

export type Command =
  | Add
  | Replace
  | Copy
  | Delete
  | Alert
  | Get
  | Put
  | Results
  | Status
  | MapCommand
  | Sync
  | UnsupportedCommand;

export type CommandKind = Command['kind'];

export interface SyncMLMessage {
  header: SyncHdr;
  body: Command[];
  /** Final: last message of the package. */
  final: boolean;
}

export const SYNCML_NAMESPACE = 'SYNCML:SYNCML1.2';
export const SYNCML_VER_DTD = '1.2';
export const SYNCML_VER_PROTO = 'SyncML/1.2';
export const SYNCML_CONTENT_TYPE = 'application/vnd.syncml+xml';
