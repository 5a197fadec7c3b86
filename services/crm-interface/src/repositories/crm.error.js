/** Stable codes of the data layer; the SyncML layer maps them to item statuses (403, 404, 400). */
export const CRM_ERROR_CODES = {
    FORBIDDEN: 'CRM_FORBIDDEN',
    NOT_FOUND: 'CRM_NOT_FOUND',
    INVALID_RECORD: 'CRM_INVALID_RECORD',
    UNKNOWN_DATASTORE: 'CRM_UNKNOWN_DATASTORE',
    UNKNOWN_USER: 'CRM_UNKNOWN_USER',
};
export class CrmError extends Error {
    code;
    details;
    name = 'CrmError';
    constructor(code, message, details) {
        super(message);
        this.code = code;
        this.details = details;
    }
}
/** The acting user may not write (or create) this record. */
export class ForbiddenError extends CrmError {
    name = 'ForbiddenError';
    constructor(message) {
        super(CRM_ERROR_CODES.FORBIDDEN, message);
    }
}
export class NotFoundError extends CrmError {
    name = 'NotFoundError';
    constructor(message) {
        super(CRM_ERROR_CODES.NOT_FOUND, message);
    }
}
export class InvalidRecordError extends CrmError {
    name = 'InvalidRecordError';
    constructor(message, details) {
        super(CRM_ERROR_CODES.INVALID_RECORD, message, details);
    }
}
//# sourceMappingURL=crm.error.js.map