import { insertRows } from '../db/database.js';
import { groupBy } from './columns.js';
export async function loadParticipants(tx, activityIds) {
    const { rows } = await tx.query(`SELECT activity_id, person_id, user_id, address, name, role, response FROM crm.activity_participant
      WHERE activity_id = ANY($1::uuid[]) ORDER BY activity_id, position`, [activityIds]);
    const grouped = groupBy(rows, (row) => row.activity_id);
    return new Map([...grouped].map(([id, list]) => [
        id,
        list.map((r) => ({ personId: r.person_id, userId: r.user_id, address: r.address, name: r.name, role: r.role, response: r.response })),
    ]));
}
export async function replaceParticipants(tx, activityId, participants) {
    await tx.query('DELETE FROM crm.activity_participant WHERE activity_id = $1', [activityId]);
    if (participants.length === 0)
        return;
    await insertRows(tx, 'crm.activity_participant', ['activity_id', 'position', 'person_id', 'user_id', 'address', 'name', 'role', 'response'], participants.map((p, i) => [activityId, i, p.personId, p.userId, p.address, p.name, p.role, p.response]));
}
export async function loadDocumentRefs(tx, activityIds) {
    const { rows } = await tx.query(`SELECT activity_id, id, role, file_name, content_type, content_id, size, sha256 FROM crm.document
      WHERE activity_id = ANY($1::uuid[]) ORDER BY activity_id, created_at, id`, [activityIds]);
    const grouped = groupBy(rows, (row) => row.activity_id);
    return new Map([...grouped].map(([id, list]) => [
        id,
        list.map((r) => ({ id: r.id, role: r.role, fileName: r.file_name, contentType: r.content_type, contentId: r.content_id, size: Number(r.size), sha256: r.sha256 })),
    ]));
}
export async function loadExceptions(tx, masterIds) {
    const { rows } = await tx.query(`SELECT id, series_master_id, original_start, start_at, end_at, all_day, subject, body_text, location, busy_status, reminder_minutes
       FROM crm.activity WHERE series_master_id = ANY($1::uuid[]) ORDER BY series_master_id, original_start`, [masterIds]);
    const participants = await loadParticipants(tx, rows.map((row) => row.id));
    const grouped = groupBy(rows, (row) => row.series_master_id);
    return new Map([...grouped].map(([id, list]) => [
        id,
        list.map((r) => {
            const exception = {
                originalStart: r.original_start.toISOString(),
                startAt: r.start_at.toISOString(),
                endAt: r.end_at.toISOString(),
                allDay: r.all_day,
                subject: r.subject,
                bodyText: r.body_text,
                location: r.location,
                busyStatus: r.busy_status,
                reminderMinutes: r.reminder_minutes,
            };
            const own = participants.get(r.id);
            return own ? { ...exception, participants: own } : exception;
        }),
    ]));
}
/** Exceptions are activity rows pointing at their master, matched by original start; missing fields inherit the master's. */
export async function writeExceptions(tx, masterId, master) {
    const { rows } = await tx.query('SELECT id, original_start FROM crm.activity WHERE series_master_id = $1', [masterId]);
    const existing = new Map(rows.map((row) => [row.original_start.toISOString(), row.id]));
    const keep = new Set();
    for (const e of master.exceptions) {
        const values = [
            master.kind, master.responsibleUserId, master.shared, master.private, master.timeZone,
            e.subject ?? master.subject, e.bodyText === undefined ? master.bodyText : e.bodyText,
            e.location === undefined ? master.location : e.location, e.startAt, e.endAt, e.allDay ?? master.allDay,
            e.busyStatus === undefined ? master.busyStatus : e.busyStatus,
            e.reminderMinutes === undefined ? master.reminderMinutes : e.reminderMinutes,
        ];
        let id = existing.get(e.originalStart);
        if (id) {
            await tx.query(`UPDATE crm.activity SET kind = $1, responsible_user_id = $2, shared = $3, private = $4, time_zone = $5, subject = $6,
           body_text = $7, location = $8, start_at = $9, end_at = $10, all_day = $11, busy_status = $12, reminder_minutes = $13
         WHERE id = $14`, [...values, id]);
        }
        else {
            const inserted = await tx.query(`INSERT INTO crm.activity (kind, responsible_user_id, shared, private, time_zone, subject, body_text, location, start_at,
           end_at, all_day, busy_status, reminder_minutes, series_master_id, original_start)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`, [...values, masterId, e.originalStart]);
            id = inserted.rows[0].id;
        }
        keep.add(id);
        await replaceParticipants(tx, id, e.participants ?? []);
    }
    const obsolete = rows.map((row) => row.id).filter((id) => !keep.has(id));
    if (obsolete.length > 0)
        await tx.query('DELETE FROM crm.activity WHERE id = ANY($1::uuid[])', [obsolete]);
}
//# sourceMappingURL=activity-children.js.map