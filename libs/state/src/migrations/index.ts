import { linksMigration } from './001-links.js';
import { historyMigration } from './002-history.js';
import { quarantineMigration } from './003-quarantine.js';
import { mailboxStatusMigration } from './004-mailbox-status.js';
import type { Migration } from './migration.js';

/** Every migration of the `sync` schema, in order. Append only. */
export const MIGRATIONS: readonly Migration[] = [linksMigration, historyMigration, quarantineMigration, mailboxStatusMigration];
