/**
 * One registry of every error code this package throws. Callers (server, client, logs, the
 * dashboard) key on `code`; the SyncML status is what a server would answer for the problem.
 */
export const SYNCML_ERRORS = {
  SYNCML_BODY_TOO_LARGE: { status: 413, message: 'Message body exceeds the configured byte limit' },
  SYNCML_TOO_DEEP: { status: 400, message: 'XML nesting exceeds the configured depth limit' },
  SYNCML_TOO_MANY_ELEMENTS: { status: 400, message: 'Message has more XML elements than allowed' },
  SYNCML_TOO_MANY_COMMANDS: { status: 400, message: 'Message has more commands than allowed' },
  SYNCML_TOO_MANY_ITEMS: { status: 400, message: 'Message has more items than allowed' },
  SYNCML_DTD_FORBIDDEN: { status: 400, message: 'DOCTYPE / ENTITY declarations are not accepted' },
  SYNCML_MALFORMED_XML: { status: 400, message: 'Message is not well-formed XML' },
  SYNCML_NOT_SYNCML: { status: 400, message: 'Document is not a SyncML message' },
  SYNCML_WRONG_NAMESPACE: { status: 400, message: 'Element is in the wrong XML namespace' },
  SYNCML_UNSUPPORTED_DTD: { status: 505, message: 'Unsupported SyncML DTD version (VerDTD)' },
  SYNCML_UNSUPPORTED_PROTOCOL: { status: 513, message: 'Unsupported protocol version (VerProto)' },
  SYNCML_MISSING_ELEMENT: { status: 412, message: 'A required element is missing' },
  SYNCML_INVALID_VALUE: { status: 400, message: 'An element has an invalid value' },
  SYNCML_UNEXPECTED_ELEMENT: { status: 400, message: 'An element appears where it is not allowed' },
  SYNCML_ENCODE_INVALID: { status: 500, message: 'Cannot encode: the message model is invalid' },
  SYNCML_DOES_NOT_FIT: { status: 413, message: 'A command does not fit into MaxMsgSize' },
  SYNCML_OBJECT_TOO_LARGE: { status: 416, message: 'Item data exceeds MaxObjSize' },
  SYNCML_SIZE_MISMATCH: { status: 424, message: 'Reassembled object size differs from the declared Size' },
  SYNCML_SIZE_REQUIRED: { status: 411, message: 'First chunk of a large object lacks Meta Size' },
  SYNCML_SCHEMA_INVALID: { status: 500, message: 'Message does not validate against the SyncML schema' },
} as const satisfies Record<string, { status: number; message: string }>;

export type SyncmlErrorCode = keyof typeof SYNCML_ERRORS;

/** Base class: every error of this package has a stable `code` and a SyncML status to answer with. */
export class SyncmlError extends Error {
  readonly code: SyncmlErrorCode;
  /** SyncML status code a server would send for this problem. */
  readonly status: number;

  constructor(code: SyncmlErrorCode, detail?: string) {
    const base = SYNCML_ERRORS[code];
    super(detail ? `${base.message}: ${detail}` : base.message);
    this.name = new.target.name;
    this.code = code;
    this.status = base.status;
  }
}

/** A configured parse limit was exceeded (size, depth, counts); nothing was built. */
export class SyncmlLimitError extends SyncmlError {}

/** The input is not acceptable SyncML (malformed XML, DTD, namespace, version, structure). */
export class SyncmlParseError extends SyncmlError {}

/** The caller asked to encode or split something impossible. */
export class SyncmlEncodeError extends SyncmlError {}

/** Large-object reassembly failed (Size mismatch, missing Size, interrupted chunks). */
export class SyncmlChunkError extends SyncmlError {}
