import { nonceTableSql } from '@connector/crm-token';
import type { Migration } from './index.js';

export const syncState: Migration = {
  version: 5,
  name: 'sync anchors, LUID map, token nonces',
  sql: `
CREATE TABLE crm.sync_anchor (
  user_id uuid NOT NULL REFERENCES crm.app_user ON DELETE CASCADE,
  device_id text NOT NULL,
  datastore text NOT NULL,
  client_anchor text,
  server_anchor text,
  server_seq bigint NOT NULL DEFAULT 0,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, device_id, datastore)
);

CREATE TABLE crm.luid_map (
  user_id uuid NOT NULL REFERENCES crm.app_user ON DELETE CASCADE,
  device_id text NOT NULL,
  datastore text NOT NULL,
  luid text NOT NULL,
  record_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, device_id, datastore, luid)
);
CREATE UNIQUE INDEX luid_map_record_uq ON crm.luid_map (user_id, device_id, datastore, record_id);

${nonceTableSql('crm.token_nonce')}
`,
};
