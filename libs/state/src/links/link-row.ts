import type { DomainItem, LinkState, ObjectType } from '@connector/core';
import type { StoredLink } from './link-store.port.js';

export const LINK_COLUMNS = `id, mailbox, object_type, exchange_item_id, exchange_change_key, exchange_folder_id,
  crm_record_id, crm_version, crm_luid, base, state, version, created_at, updated_at`;

export interface LinkRow {
  id: string;
  mailbox: string;
  object_type: string;
  exchange_item_id: string | null;
  exchange_change_key: string | null;
  exchange_folder_id: string | null;
  crm_record_id: string | null;
  crm_version: string | null;
  crm_luid: string | null;
  base: DomainItem | null;
  state: string;
  version: number;
  created_at: Date;
  updated_at: Date;
}

export function toLink(row: LinkRow): StoredLink {
  const link: StoredLink = {
    id: row.id,
    mailbox: row.mailbox,
    objectType: row.object_type as ObjectType,
    state: row.state as LinkState,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
  if (row.exchange_item_id !== null && row.exchange_change_key !== null) {
    link.exchange = { itemId: row.exchange_item_id, changeKey: row.exchange_change_key };
    if (row.exchange_folder_id !== null) link.exchange.folderId = row.exchange_folder_id;
  }
  if (row.crm_record_id !== null && row.crm_version !== null) {
    link.crm = { recordId: row.crm_record_id, version: row.crm_version };
    if (row.crm_luid !== null) link.crm.luid = row.crm_luid;
  }
  if (row.base !== null) link.base = row.base;
  return link;
}
