/** Per-device sync state: anchors and the client LUID ↔ CRM record map. */
export class SyncStateRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    async getAnchor(target) {
        const { rows } = await this.db.query('SELECT client_anchor, server_anchor, server_seq, updated_at FROM crm.sync_anchor WHERE user_id = $1 AND device_id = $2 AND datastore = $3', [target.userId, target.deviceId, target.datastore]);
        const row = rows[0];
        return row
            ? { clientAnchor: row.client_anchor, serverAnchor: row.server_anchor, serverSeq: row.server_seq, updatedAt: row.updated_at.toISOString() }
            : null;
    }
    async setAnchor(target, anchor) {
        await this.db.query(`INSERT INTO crm.sync_anchor (user_id, device_id, datastore, client_anchor, server_anchor, server_seq) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (user_id, device_id, datastore)
       DO UPDATE SET client_anchor = EXCLUDED.client_anchor, server_anchor = EXCLUDED.server_anchor, server_seq = EXCLUDED.server_seq, updated_at = now()`, [target.userId, target.deviceId, target.datastore, anchor.clientAnchor, anchor.serverAnchor, anchor.serverSeq]);
    }
    /** Forgets anchor and map of one device datastore (a device starting over). */
    async reset(target) {
        await this.db.query('DELETE FROM crm.sync_anchor WHERE user_id = $1 AND device_id = $2 AND datastore = $3', this.key(target));
        await this.resetMap(target);
    }
    /** Forgets only the LUID map (refresh from server); the anchor is written when the session ends. */
    async resetMap(target) {
        await this.db.query('DELETE FROM crm.luid_map WHERE user_id = $1 AND device_id = $2 AND datastore = $3', this.key(target));
    }
    key(target) {
        return [target.userId, target.deviceId, target.datastore];
    }
    /** Maps a client LUID to a record; a LUID or a record mapped before is re-pointed (one pair per side). */
    async mapLuid(target, luid, recordId) {
        await this.mapLuids(target, [{ luid, recordId }]);
    }
    /** `mapLuid` for many pairs in one transaction; within the batch the last pair for a LUID or record wins. */
    async mapLuids(target, pairs) {
        const byLuid = new Map();
        const byRecord = new Map();
        for (const { luid, recordId } of pairs) {
            const previousLuid = byRecord.get(recordId);
            if (previousLuid !== undefined)
                byLuid.delete(previousLuid);
            byLuid.set(luid, recordId);
            byRecord.set(recordId, luid);
        }
        if (byLuid.size === 0)
            return;
        const luids = [...byLuid.keys()];
        const recordIds = [...byLuid.values()];
        await this.db.transaction(async (tx) => {
            await tx.query(`DELETE FROM crm.luid_map m USING unnest($4::text[], $5::uuid[]) AS p(luid, record_id)
          WHERE m.user_id = $1 AND m.device_id = $2 AND m.datastore = $3 AND m.record_id = p.record_id AND m.luid <> p.luid`, [...this.key(target), luids, recordIds]);
            await tx.query(`INSERT INTO crm.luid_map (user_id, device_id, datastore, luid, record_id)
         SELECT $1, $2, $3, p.luid, p.record_id FROM unnest($4::text[], $5::uuid[]) AS p(luid, record_id)
         ON CONFLICT (user_id, device_id, datastore, luid) DO UPDATE SET record_id = EXCLUDED.record_id`, [...this.key(target), luids, recordIds]);
        });
    }
    async findByLuids(target, luids) {
        const { rows } = await this.db.query('SELECT luid, record_id FROM crm.luid_map WHERE user_id = $1 AND device_id = $2 AND datastore = $3 AND luid = ANY($4::text[])', [...this.key(target), luids]);
        return new Map(rows.map((row) => [row.luid, row.record_id]));
    }
    async findLuids(target, recordIds) {
        const { rows } = await this.db.query('SELECT luid, record_id FROM crm.luid_map WHERE user_id = $1 AND device_id = $2 AND datastore = $3 AND record_id = ANY($4::uuid[])', [...this.key(target), recordIds]);
        return new Map(rows.map((row) => [row.record_id, row.luid]));
    }
    async listMappings(target) {
        const { rows } = await this.db.query('SELECT luid, record_id FROM crm.luid_map WHERE user_id = $1 AND device_id = $2 AND datastore = $3 ORDER BY luid', this.key(target));
        return rows.map((row) => ({ luid: row.luid, recordId: row.record_id }));
    }
    async unmapLuid(target, luid) {
        await this.db.query('DELETE FROM crm.luid_map WHERE user_id = $1 AND device_id = $2 AND datastore = $3 AND luid = $4', [...this.key(target), luid]);
    }
    async findByLuid(target, luid) {
        const { rows } = await this.db.query('SELECT record_id FROM crm.luid_map WHERE user_id = $1 AND device_id = $2 AND datastore = $3 AND luid = $4', [target.userId, target.deviceId, target.datastore, luid]);
        return rows[0]?.record_id ?? null;
    }
    async findLuid(target, recordId) {
        const { rows } = await this.db.query('SELECT luid FROM crm.luid_map WHERE user_id = $1 AND device_id = $2 AND datastore = $3 AND record_id = $4', [target.userId, target.deviceId, target.datastore, recordId]);
        return rows[0]?.luid ?? null;
    }
    async unmapRecord(target, recordId) {
        await this.db.query('DELETE FROM crm.luid_map WHERE user_id = $1 AND device_id = $2 AND datastore = $3 AND record_id = $4', [
            target.userId,
            target.deviceId,
            target.datastore,
            recordId,
        ]);
    }
}
//# sourceMappingURL=sync-state.repository.js.map