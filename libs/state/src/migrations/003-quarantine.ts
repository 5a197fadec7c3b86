import type { Migration } from './migration.js';

// One row per item ever quarantined: a release keeps the row (released_at), a new failure reopens
// it and keeps counting attempts, so the dashboard sees items that keep coming back.
export const quarantineMigration: Migration = {
  id: 3,
  name: 'quarantine',
  sql: `
CREATE TABLE sync.quarantine (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  mailbox text NOT NULL,
  object_type text NOT NULL,
  side text NOT NULL,
  source_id text NOT NULL,
  link_id uuid,
  error_code text NOT NULL,
  reason text NOT NULL,
  attempts integer NOT NULL DEFAULT 1,
  first_seen timestamptz NOT NULL,
  last_seen timestamptz NOT NULL,
  payload jsonb NOT NULL,
  released_at timestamptz,
  CONSTRAINT quarantine_item_uq UNIQUE (mailbox, object_type, side, source_id)
);
CREATE INDEX quarantine_open_idx ON sync.quarantine (mailbox, last_seen) WHERE released_at IS NULL;
`,
};
