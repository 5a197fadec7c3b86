export { CrmClient, type CrmClientOptions, type ReadMode } from './crm-client.js';
export type { CrmChange, LuidMapping, ReadResult, WriteItem, WriteItemResult, WriteErrorKind } from './crm-client.types.js';
export { MemoryAnchorStore, type AnchorKey, type AnchorStore } from './anchor-store.port.js';
export { CRM_CLIENT_ERRORS, CrmClientError, CrmAuthError, isCrmClientError, type CrmClientErrorCode } from './crm-client.error.js';
export { TOKEN_AUTH_TYPE } from './client-session.js';
export * from './mapping/index.js';
export { DATASTORE_OF, domainFromNative, nativeFromDomain, deletedByConnectorRecord, nativeFacts, type NativeWriteOptions } from './mapping/domain-records.js';
