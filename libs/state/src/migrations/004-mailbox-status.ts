import type { Migration } from './migration.js';

export const mailboxStatusMigration: Migration = {
  id: 4,
  name: 'mailbox status',
  sql: `
CREATE TABLE sync.mailbox_status (
  mailbox text PRIMARY KEY,
  enabled boolean NOT NULL DEFAULT true,
  consecutive_failures integer NOT NULL DEFAULT 0,
  suspended_since timestamptz,
  suspended_reason text,
  next_retry_at timestamptz,
  updated_at timestamptz NOT NULL
);

CREATE TABLE sync.mailbox_cycles (
  mailbox text NOT NULL,
  object_type text NOT NULL,
  cycle_id text NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz NOT NULL,
  created_in_crm integer NOT NULL DEFAULT 0,
  updated_in_crm integer NOT NULL DEFAULT 0,
  deleted_in_crm integer NOT NULL DEFAULT 0,
  created_in_exchange integer NOT NULL DEFAULT 0,
  updated_in_exchange integer NOT NULL DEFAULT 0,
  deleted_in_exchange integer NOT NULL DEFAULT 0,
  errors integer NOT NULL DEFAULT 0,
  PRIMARY KEY (mailbox, object_type)
);

CREATE TABLE sync.mailbox_errors (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  mailbox text NOT NULL,
  object_type text,
  code text NOT NULL,
  message text NOT NULL,
  at timestamptz NOT NULL
);
CREATE INDEX mailbox_errors_mailbox_idx ON sync.mailbox_errors (mailbox, at);
`,
};
