import type { Db } from '../db/database.js';
import type { DatastoreName } from './datastores.js';

/** Identifies one client database: a user's device (the SyncML source URI) and one datastore. */
export interface SyncTarget {
  userId: string;
  deviceId: string;
  datastore: DatastoreName;
}

export interface SyncAnchor {
  /** The client's Next anchor of the last successful session; compared with its Last anchor next time. */
  clientAnchor: string | null;
  /** The anchor the server sent as its own Next. */
  serverAnchor: string | null;
  /** Change sequence watermark the device is in sync with. */
  serverSeq: string;
  updatedAt: string;
}

/** Per-device sync state: anchors and the client LUID ↔ CRM record map. */
export class SyncStateRepository {
  constructor(private readonly db: Db) {}

  async getAnchor(target: SyncTarget): Promise<SyncAnchor | null> {
    const { rows } = await this.db.query<{ client_anchor: string | null; server_anchor: string | null; server_seq: string; updated_at: Date }>(
      'SELECT client_anchor, server_anchor, server_seq, updated_at FROM crm.sync_anchor WHERE user_id = $1 AND device_id = $2 AND datastore = $3',
      [target.userId, target.deviceId, target.datastore],
    );
    const row = rows[0];
    return row
      ? { clientAnchor: row.client_anchor, serverAnchor: row.server_anchor, serverSeq: row.server_seq, updatedAt: row.updated_at.toISOString() }
      : null;
  }

  async setAnchor(target: SyncTarget, anchor: { clientAnchor: string | null; serverAnchor: string | null; serverSeq: string }): Promise<void> {
    await this.db.query(
      `INSERT INTO crm.sync_anchor (user_id, device_id, datastore, client_anchor, server_anchor, server_seq) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (user_id, device_id, datastore)
       DO UPDATE SET client_anchor = EXCLUDED.client_anchor, server_anchor = EXCLUDED.server_anchor, server_seq = EXCLUDED.server_seq, updated_at = now()`,
      [target.userId, target.deviceId, target.datastore, anchor.clientAnchor, anchor.serverAnchor, anchor.serverSeq],
    );
  }

  /** Forgets anchor and map of one device datastore (refresh syncs, a device starting over). */
  async reset(target: SyncTarget): Promise<void> {
    const values = [target.userId, target.deviceId, target.datastore];
    await this.db.query('DELETE FROM crm.sync_anchor WHERE user_id = $1 AND device_id = $2 AND datastore = $3', values);
    await this.db.query('DELETE FROM crm.luid_map WHERE user_id = $1 AND device_id = $2 AND datastore = $3', values);
  }

  /** Maps a client LUID to a record; a LUID or a record mapped before is re-pointed (one pair per side). */
  async mapLuid(target: SyncTarget, luid: string, recordId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const values = [target.userId, target.deviceId, target.datastore];
      await tx.query('DELETE FROM crm.luid_map WHERE user_id = $1 AND device_id = $2 AND datastore = $3 AND record_id = $4 AND luid <> $5', [
        ...values,
        recordId,
        luid,
      ]);
      await tx.query(
        `INSERT INTO crm.luid_map (user_id, device_id, datastore, luid, record_id) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (user_id, device_id, datastore, luid) DO UPDATE SET record_id = EXCLUDED.record_id`,
        [...values, luid, recordId],
      );
    });
  }

  async findByLuid(target: SyncTarget, luid: string): Promise<string | null> {
    const { rows } = await this.db.query<{ record_id: string }>(
      'SELECT record_id FROM crm.luid_map WHERE user_id = $1 AND device_id = $2 AND datastore = $3 AND luid = $4',
      [target.userId, target.deviceId, target.datastore, luid],
    );
    return rows[0]?.record_id ?? null;
  }

  async findLuid(target: SyncTarget, recordId: string): Promise<string | null> {
    const { rows } = await this.db.query<{ luid: string }>(
      'SELECT luid FROM crm.luid_map WHERE user_id = $1 AND device_id = $2 AND datastore = $3 AND record_id = $4',
      [target.userId, target.deviceId, target.datastore, recordId],
    );
    return rows[0]?.luid ?? null;
  }

  async unmapRecord(target: SyncTarget, recordId: string): Promise<void> {
    await this.db.query('DELETE FROM crm.luid_map WHERE user_id = $1 AND device_id = $2 AND datastore = $3 AND record_id = $4', [
      target.userId,
      target.deviceId,
      target.datastore,
      recordId,
    ]);
  }
}
