/**
 * Meta information (OMA-TS-SyncML_MetInf, namespace `syncml:metinf`). Field order here is the
 * MetInf content model order, which is also the order the encoder writes:
 * FieldLevel?, Format?, Type?, Mark?, Size?, Anchor?, Version?, NextNonce?, MaxMsgSize?,
 * MaxObjSize?, EMI*, Mem?
 */
export interface MetInf {
  fieldLevel?: boolean;
  /** e.g. 'b64', 'chr', 'bin', 'xml' */
  format?: string;
  /** MIME type of the data, or an auth type such as 'syncml:auth-basic' */
  type?: string;
  mark?: string;
  /** Size in bytes of the whole (large) object; sent on the first chunk. */
  size?: number;
  anchor?: Anchor;
  version?: string;
  nextNonce?: string;
  maxMsgSize?: number;
  maxObjSize?: number;
  emi?: string[];
  mem?: Mem;
}

/** Sync anchors: Last (optional) and Next. */
export interface Anchor {
  last?: string;
  next: string;
}

export interface Mem {
  sharedMem?: boolean;
  freeMem: number;
  freeID: number;
}

export const METINF_NAMESPACE = 'syncml:metinf';
