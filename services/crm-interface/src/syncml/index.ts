export type * from './syncml-backend.port.js';
export { SyncmlEngine, type SyncmlEngineOptions } from './session.engine.js';
export { SessionStore, type SessionStoreOptions } from './session.store.js';
export { syncmlRoute, type SyncmlRouteOptions } from './syncml.route.js';
export { TOKEN_AUTH_TYPE, BASIC_AUTH_TYPE, MD5_AUTH_TYPE } from './credentials.js';
export { createCrmBackend, type RecordCodec } from './crm-backend.adapter.js';
