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
export type { LinkStore, StoredLink, NewLink, LinkPatch, CreateLinkResult, LinkPage, DecisionRecord } from './links/link-store.port.js';
export { PgLinkStore, type PgLinkStoreOptions } from './links/pg-link-store.adapter.js';
export { updateLinkAfterWrite } from './links/update-link-after-write.js';
export { findLinkOfChange, type ObservedChange } from './links/find-link-of-change.js';
export { HISTORY_OUTCOMES, type HistoryStore, type HistoryEntry, type NewHistoryEntry, type HistoryOutcome, type ItemRef } from './history/history-store.port.js';
export { PgHistoryStore } from './history/pg-history-store.adapter.js';
export type { ConflictStore, Conflict, NewConflict } from './conflicts/conflict-store.port.js';
export { PgConflictStore } from './conflicts/pg-conflict-store.adapter.js';
export type { QuarantineStore, QuarantineEntry, QuarantineInput } from './quarantine/quarantine-store.port.js';
export { PgQuarantineStore } from './quarantine/pg-quarantine-store.adapter.js';
export { requeueQuarantined } from './quarantine/requeue-quarantined.js';
export {
  CYCLE_COUNT_KEYS,
  type MailboxStatusStore,
  type MailboxStatus,
  type AccessState,
  type AccessFailure,
  type CycleCounts,
  type CycleInput,
  type CycleSummary,
  type ErrorSummary,
} from './mailbox-status/mailbox-status-store.port.js';
export { PgMailboxStatusStore, type PgMailboxStatusStoreOptions } from './mailbox-status/pg-mailbox-status-store.adapter.js';
export { openPgState, type OpenPgStateOptions, type PgState } from './db/open-pg-state.js';
export type { CursorStore } from './cursors/cursor-store.port.js';
export { RedisCursorStore, openRedisCursorStore, type RedisCursorStoreOptions } from './cursors/redis-cursor-store.adapter.js';
export { enqueueChangesThenAdvance, observedChangeJobId } from './cursors/enqueue-then-advance.js';
export { createQueue, createWorker, type ConnectorQueue, type QueueConnection, type WorkerSettings } from './queues/queue-factory.js';
