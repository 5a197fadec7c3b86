export { buildApp, SCHEMA_DIR, type Simulator } from './app.js';
export { optionsFromEnv, DEFAULTS, type SimOptions } from './sim.config.js';
export type { FaultConfig, FaultRule, FaultKind } from './faults/fault-injector.js';
export type { RequestLogEntry, WriteCounters } from './stats/request-stats.js';
export type { SeedItem } from './admin/seed.js';
export type { Item, ItemKind, Folder, Mailbox, MailboxSpec } from './store/model.js';
