import type { Migration } from './migration.js';

// Both side ids are copied onto each entry so an item's history survives a deleted or re-created link.
export const historyMigration: Migration = {
  id: 2,
  name: 'history',
  sql: `
CREATE TABLE sync.history (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  link_id uuid,
  mailbox text NOT NULL,
  object_type text NOT NULL,
  origin text,
  exchange_item_id text,
  crm_record_id text,
  rule text NOT NULL,
  action text NOT NULL,
  outcome text NOT NULL,
  detail text,
  cycle_id text,
  at timestamptz NOT NULL
);
CREATE INDEX history_link_idx ON sync.history (link_id, at) WHERE link_id IS NOT NULL;
CREATE INDEX history_exchange_idx ON sync.history (mailbox, object_type, exchange_item_id, at)
  WHERE exchange_item_id IS NOT NULL;
CREATE INDEX history_crm_idx ON sync.history (mailbox, object_type, crm_record_id, at)
  WHERE crm_record_id IS NOT NULL;
`,
};
