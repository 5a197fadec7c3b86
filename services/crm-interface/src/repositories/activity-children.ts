import type { Tx } from '../db/database.js';
import { insertRows } from '../db/database.js';
import type { ActivityException, ActivityFields, DocumentRef, Participant } from '../records/activity.schema.js';
import { groupBy } from './columns.js';

interface ParticipantRow {
  activity_id: string;
  person_id: string | null;
  user_id: string | null;
  address: string | null;
  name: string | null;
  role: Participant['role'];
  response: Participant['response'];
}

export async function loadParticipants(tx: Tx, activityIds: string[]): Promise<Map<string, Participant[]>> {
  const { rows } = await tx.query<ParticipantRow>(
    `SELECT activity_id, person_id, user_id, address, name, role, response FROM crm.activity_participant
      WHERE activity_id = ANY($1::uuid[]) ORDER BY activity_id, position`,
    [activityIds],
  );
  const grouped = groupBy(rows, (row) => row.activity_id);
  return new Map(
    [...grouped].map(([id, list]) => [
      id,
      list.map((r) => ({ personId: r.person_id, userId: r.user_id, address: r.address, name: r.name, role: r.role, response: r.response })),
    ]),
  );
}

export async function replaceParticipants(tx: Tx, activityId: string, participants: readonly Participant[]): Promise<void> {
  await tx.query('DELETE FROM crm.activity_participant WHERE activity_id = $1', [activityId]);
  if (participants.length === 0) return;
  await insertRows(
    tx,
    'crm.activity_participant',
    ['activity_id', 'position', 'person_id', 'user_id', 'address', 'name', 'role', 'response'],
    participants.map((p, i) => [activityId, i, p.personId, p.userId, p.address, p.name, p.role, p.response]),
  );
}

export interface ResolvedParticipants {
  participants: Participant[];
  /** Addresses that matched no single person and no user, by role. */
  unresolved: { required: string[]; optional: string[]; unknown: string[] };
}

/**
 * Clients such as the connector send attendees by address only: each becomes the one person with
 * that address, else the user with it; the rest stay address-only and are listed as unresolved.
 */
export async function resolveParticipants(tx: Tx, participants: readonly Participant[]): Promise<ResolvedParticipants> {
  const unresolved: ResolvedParticipants['unresolved'] = { required: [], optional: [], unknown: [] };
  const out: Participant[] = [];
  for (const p of participants) {
    if (p.personId || p.userId || !p.address) {
      out.push(p);
      continue;
    }
    const persons = await tx.query<{ person_id: string }>('SELECT DISTINCT person_id FROM crm.person_email WHERE lower(address) = lower($1) LIMIT 2', [p.address]);
    const users = persons.rows.length === 1 ? { rows: [] } : await tx.query<{ id: string }>('SELECT id FROM crm.app_user WHERE lower(email) = lower($1) LIMIT 2', [p.address]);
    if (persons.rows.length === 1) out.push({ ...p, personId: persons.rows[0]!.person_id });
    else if (users.rows.length === 1) out.push({ ...p, userId: users.rows[0]!.id });
    else {
      out.push(p);
      unresolved[p.role].push(p.address);
    }
  }
  return { participants: out, unresolved };
}

export async function loadDocumentRefs(tx: Tx, activityIds: string[]): Promise<Map<string, DocumentRef[]>> {
  const { rows } = await tx.query<{
    activity_id: string;
    id: string;
    role: DocumentRef['role'];
    file_name: string;
    content_type: string;
    content_id: string | null;
    size: string;
    sha256: string;
  }>(
    `SELECT activity_id, id, role, file_name, content_type, content_id, size, sha256 FROM crm.document
      WHERE activity_id = ANY($1::uuid[]) ORDER BY activity_id, created_at, id`,
    [activityIds],
  );
  const grouped = groupBy(rows, (row) => row.activity_id);
  return new Map(
    [...grouped].map(([id, list]) => [
      id,
      list.map((r) => ({ id: r.id, role: r.role, fileName: r.file_name, contentType: r.content_type, contentId: r.content_id, size: Number(r.size), sha256: r.sha256 })),
    ]),
  );
}

interface ExceptionRow {
  id: string;
  series_master_id: string;
  original_start: Date;
  start_at: Date;
  end_at: Date;
  all_day: boolean;
  subject: string;
  body_text: string | null;
  location: string | null;
  busy_status: ActivityException['busyStatus'];
  reminder_minutes: number | null;
}

export async function loadExceptions(tx: Tx, masterIds: string[]): Promise<Map<string, ActivityException[]>> {
  const { rows } = await tx.query<ExceptionRow>(
    `SELECT id, series_master_id, original_start, start_at, end_at, all_day, subject, body_text, location, busy_status, reminder_minutes
       FROM crm.activity WHERE series_master_id = ANY($1::uuid[]) ORDER BY series_master_id, original_start`,
    [masterIds],
  );
  const participants = await loadParticipants(tx, rows.map((row) => row.id));
  const grouped = groupBy(rows, (row) => row.series_master_id);
  return new Map(
    [...grouped].map(([id, list]) => [
      id,
      list.map((r) => {
        const exception: ActivityException = {
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
    ]),
  );
}

/** Exceptions are activity rows pointing at their master, matched by original start; missing fields inherit the master's. */
export async function writeExceptions(tx: Tx, masterId: string, master: ActivityFields): Promise<void> {
  const { rows } = await tx.query<{ id: string; original_start: Date }>(
    'SELECT id, original_start FROM crm.activity WHERE series_master_id = $1',
    [masterId],
  );
  const existing = new Map(rows.map((row) => [row.original_start.toISOString(), row.id]));
  const keep = new Set<string>();
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
      await tx.query(
        `UPDATE crm.activity SET kind = $1, responsible_user_id = $2, shared = $3, private = $4, time_zone = $5, subject = $6,
           body_text = $7, location = $8, start_at = $9, end_at = $10, all_day = $11, busy_status = $12, reminder_minutes = $13
         WHERE id = $14`,
        [...values, id],
      );
    } else {
      const inserted = await tx.query<{ id: string }>(
        `INSERT INTO crm.activity (kind, responsible_user_id, shared, private, time_zone, subject, body_text, location, start_at,
           end_at, all_day, busy_status, reminder_minutes, series_master_id, original_start)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
        [...values, masterId, e.originalStart],
      );
      id = inserted.rows[0]!.id;
    }
    keep.add(id);
    await replaceParticipants(tx, id, e.participants ?? []);
  }
  const obsolete = rows.map((row) => row.id).filter((id) => !keep.has(id));
  if (obsolete.length > 0) await tx.query('DELETE FROM crm.activity WHERE id = ANY($1::uuid[])', [obsolete]);
}
