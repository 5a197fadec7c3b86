import { Params, rightsSql } from './rights.js';
/** A sequence value below which every writer has finished: changes up to it can be read without gaps. */
export async function stableChangeSeq(db) {
    const { rows } = await db.query('SELECT crm.stable_change_seq() AS seq');
    return rows[0].seq;
}
/**
 * Changes of one datastore for one device, in sequence order: an index range scan over the table's
 * change_seq and the tombstones, so the cost follows the number of changes, not the table size.
 * A record the device holds but may no longer see (reassigned, made private) comes as a delete.
 */
export async function changesSince(db, repository, store, actor, target, query) {
    const watermark = query.watermark ?? (await stableChangeSeq(db));
    const limit = Math.min(Math.max(query.limit ?? 200, 1), 5_000);
    const def = repository.def;
    const params = new Params();
    const since = params.add(query.sinceSeq);
    const until = params.add(watermark);
    const mapJoin = `LEFT JOIN crm.luid_map m ON m.user_id = ${params.add(target.userId)}::uuid AND m.device_id = ${params.add(target.deviceId)}
    AND m.datastore = ${params.add(target.datastore)} AND m.record_id = `;
    const visible = [rightsSql(def.rights, 'a', params, actor, 'read'), store.filter].filter(Boolean).join(' AND ');
    const rowFilter = def.rowFilter ? ` AND ${def.rowFilter}` : '';
    const { rows } = await db.query(`SELECT * FROM (
       SELECT a.id, a.change_seq AS seq, false AS tombstone, (${visible}) AS visible, m.luid
         FROM ${def.table} a ${mapJoin}a.id
        WHERE a.change_seq > ${since}::bigint AND a.change_seq <= ${until}::bigint${rowFilter}
       UNION ALL
       SELECT t.record_id, t.change_seq, true, false, m.luid
         FROM crm.tombstone t ${mapJoin}t.record_id
        WHERE t.object_type = ${params.add(def.objectType)} AND t.change_seq > ${since}::bigint AND t.change_seq <= ${until}::bigint
     ) c
     WHERE c.visible OR c.luid IS NOT NULL
     ORDER BY c.seq LIMIT ${params.add(limit)}`, params.values);
    const records = await repository.getMany(actor, rows.filter((row) => row.visible).map((row) => row.id), store.filter);
    const byId = new Map(records.map((record) => [record.id, record]));
    const changes = [];
    for (const row of rows) {
        const record = row.visible ? byId.get(row.id) : undefined;
        if (record)
            changes.push({ type: 'upsert', seq: row.seq, record, luid: row.luid });
        else if (row.luid)
            changes.push({ type: 'delete', seq: row.seq, recordId: row.id, luid: row.luid, reason: row.tombstone ? 'deleted' : 'not-visible' });
    }
    const more = rows.length === limit;
    return { changes, nextSeq: more ? rows[rows.length - 1].seq : watermark, more, watermark };
}
//# sourceMappingURL=changes.repository.js.map