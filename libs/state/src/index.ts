export { systemClock, ManualClock, type Clock } from './clock.js';
export {
  STATE_ERRORS,
  StateError,
  StaleLinkError,
  LinkNotFoundError,
  DuplicateLinkError,
  type StateErrorCode,
} from './state.error.js';
export { SCHEMA, type SqlPool } from './db/sql.js';
export { migrate, type MigrationResult } from './migrations/migrate.js';
export { MIGRATIONS } from './migrations/index.js';
export type { Migration } from './migrations/migration.js';
export type { LinkStore, StoredLink, NewLink, LinkPatch, CreateLinkResult, LinkPage } from './links/link-store.port.js';
export { PgLinkStore, type PgLinkStoreOptions } from './links/pg-link-store.adapter.js';
