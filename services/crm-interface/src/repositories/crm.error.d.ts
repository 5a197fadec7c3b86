/** Stable codes of the data layer; the SyncML layer maps them to item statuses (403, 404, 400). */
export declare const CRM_ERROR_CODES: {
    readonly FORBIDDEN: "CRM_FORBIDDEN";
    readonly NOT_FOUND: "CRM_NOT_FOUND";
    readonly INVALID_RECORD: "CRM_INVALID_RECORD";
    readonly UNKNOWN_DATASTORE: "CRM_UNKNOWN_DATASTORE";
    readonly UNKNOWN_USER: "CRM_UNKNOWN_USER";
};
export type CrmErrorCode = (typeof CRM_ERROR_CODES)[keyof typeof CRM_ERROR_CODES];
export declare class CrmError extends Error {
    readonly code: CrmErrorCode;
    readonly details?: unknown | undefined;
    name: string;
    constructor(code: CrmErrorCode, message: string, details?: unknown | undefined);
}
/** The acting user may not write (or create) this record. */
export declare class ForbiddenError extends CrmError {
    name: string;
    constructor(message: string);
}
export declare class NotFoundError extends CrmError {
    name: string;
    constructor(message: string);
}
export declare class InvalidRecordError extends CrmError {
    name: string;
    constructor(message: string, details?: unknown);
}
