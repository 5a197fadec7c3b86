import type { Migration } from './migration.js';

// Enum-like columns (object_type, state) carry no CHECK: the values are validated at the store's
// boundary against libs/core, so a new object type needs no migration.
export const linksMigration: Migration = {
  id: 1,
  name: 'links and conflicts',
  sql: `
CREATE TABLE sync.links (
  id uuid PRIMARY KEY,
  mailbox text NOT NULL,
  object_type text NOT NULL,
  exchange_item_id text,
  exchange_change_key text,
  exchange_folder_id text,
  crm_record_id text,
  crm_version text,
  crm_luid text,
  base jsonb,
  state text NOT NULL,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CONSTRAINT links_exchange_ref_whole CHECK ((exchange_item_id IS NULL) = (exchange_change_key IS NULL)),
  CONSTRAINT links_crm_ref_whole CHECK ((crm_record_id IS NULL) = (crm_version IS NULL))
);
CREATE UNIQUE INDEX links_exchange_item_uq ON sync.links (mailbox, object_type, exchange_item_id)
  WHERE exchange_item_id IS NOT NULL;
CREATE UNIQUE INDEX links_crm_record_uq ON sync.links (mailbox, object_type, crm_record_id)
  WHERE crm_record_id IS NOT NULL;
CREATE INDEX links_mailbox_type_idx ON sync.links (mailbox, object_type, id);

CREATE TABLE sync.conflicts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  link_id uuid NOT NULL REFERENCES sync.links (id) ON DELETE CASCADE,
  field text NOT NULL,
  base_value jsonb,
  exchange_value jsonb,
  crm_value jsonb,
  policy text NOT NULL,
  winner text NOT NULL,
  cycle_id text,
  decided_at timestamptz NOT NULL,
  resolved boolean NOT NULL DEFAULT false,
  resolved_at timestamptz
);
CREATE INDEX conflicts_link_idx ON sync.conflicts (link_id, decided_at);
CREATE INDEX conflicts_open_idx ON sync.conflicts (decided_at) WHERE NOT resolved;
`,
};
