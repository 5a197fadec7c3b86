import { insertRows, type Tx } from '../db/database.js';
import { ACTIVITY_DEFAULTS, activityFieldsSchema, type Activity, type ActivityFields } from '../records/activity.schema.js';
import { recordBase, type Column } from './columns.js';
import { InvalidRecordError } from './crm.error.js';
import type { EntityDefinition, Row } from './entity.repository.js';
import { loadDocumentRefs, loadExceptions, loadParticipants, replaceParticipants, resolveParticipants, writeExceptions } from './activity-children.js';

const COLUMNS: readonly Column<ActivityFields>[] = [
  { field: 'kind', column: 'kind' },
  { field: 'responsibleUserId', column: 'responsible_user_id' },
  { field: 'shared', column: 'shared' },
  { field: 'private', column: 'private' },
  { field: 'personId', column: 'person_id' },
  { field: 'companyId', column: 'company_id' },
  { field: 'subject', column: 'subject' },
  { field: 'bodyText', column: 'body_text' },
  { field: 'bodyHtml', column: 'body_html' },
  { field: 'startAt', column: 'start_at' },
  { field: 'endAt', column: 'end_at' },
  { field: 'timeZone', column: 'time_zone' },
  { field: 'allDay', column: 'all_day' },
  { field: 'location', column: 'location' },
  { field: 'reminderMinutes', column: 'reminder_minutes' },
  { field: 'busyStatus', column: 'busy_status' },
  { field: 'categories', column: 'categories' },
  { field: 'importance', column: 'importance' },
  { field: 'direction', column: 'direction' },
  { column: 'organizer_user_id', value: (f) => f.organizer?.userId ?? null },
  { column: 'organizer_address', value: (f) => f.organizer?.address ?? null },
  { column: 'organizer_name', value: (f) => f.organizer?.name ?? null },
  { column: 'rrule', value: (f) => f.recurrence?.rrule ?? null },
  { column: 'deleted_occurrences', value: (f) => f.recurrence?.deletedOccurrences ?? [] },
  { field: 'missingParticipants', column: 'missing_participants' },
  { field: 'unresolvedAddresses', column: 'unresolved_addresses', json: true },
  { field: 'published', column: 'published' },
  { field: 'deletedByConnector', column: 'deleted_by_connector' },
  { field: 'followUp', column: 'follow_up' },
  { field: 'internetMessageId', column: 'internet_message_id' },
  { field: 'inReplyTo', column: 'in_reply_to' },
  { field: 'references', column: 'message_references' },
  { field: 'threadId', column: 'thread_id' },
  { field: 'sentAt', column: 'sent_at' },
  { field: 'receivedAt', column: 'received_at' },
  { field: 'attachmentsOmitted', column: 'attachments_omitted' },
  { field: 'customFields', column: 'custom_fields', json: true },
];

async function hydrate(tx: Tx, rows: Row[]): Promise<Activity[]> {
  const ids = rows.map((row) => row.id as string);
  if (ids.length === 0) return [];
  const masterIds = rows.filter((row) => row.rrule).map((row) => row.id as string);
  // Sequential on purpose: `tx` may be a single transaction client, which runs one query at a time.
  const participants = await loadParticipants(tx, ids);
  const exceptions = await loadExceptions(tx, masterIds);
  const documents = await loadDocumentRefs(tx, ids);
  return rows.map((row) => {
    const base = recordBase(COLUMNS, row);
    const organizer =
      row.organizer_user_id || row.organizer_address || row.organizer_name
        ? { userId: row.organizer_user_id as string | null, address: row.organizer_address as string | null, name: row.organizer_name as string | null }
        : null;
    const recurrence = row.rrule
      ? { rrule: row.rrule as string, deletedOccurrences: (row.deleted_occurrences as Date[]).map((d) => d.toISOString()) }
      : null;
    return {
      ...base,
      organizer,
      recurrence,
      participants: participants.get(base.id) ?? [],
      exceptions: exceptions.get(base.id) ?? [],
      documents: documents.get(base.id) ?? [],
    };
  });
}

async function writeChildren(tx: Tx, id: string, fields: ActivityFields, patch: Partial<ActivityFields>): Promise<void> {
  if (patch.exceptions?.length && !fields.recurrence) throw new InvalidRecordError('exceptions need a recurrence');
  if (patch.participants !== undefined) await writeParticipants(tx, id, fields.participants);
  await writeSeries(tx, id, fields, patch);
}

/** Flags a client set itself stand unless it left the resolution of some address to the CRM. */
async function writeParticipants(tx: Tx, id: string, sent: ActivityFields['participants']): Promise<void> {
  const { participants, unresolved } = await resolveParticipants(tx, sent);
  await replaceParticipants(tx, id, participants);
  if (!sent.some((p) => !p.personId && !p.userId && p.address)) return;
  const missing = unresolved.required.length + unresolved.optional.length + unresolved.unknown.length > 0;
  await tx.query(
    `UPDATE crm.activity SET missing_participants = $2, unresolved_addresses = $3
      WHERE id = $1 AND (missing_participants, unresolved_addresses) IS DISTINCT FROM ($2, $3::jsonb)`,
    [id, missing, JSON.stringify(unresolved)],
  );
}

async function writeSeries(tx: Tx, id: string, fields: ActivityFields, patch: Partial<ActivityFields>): Promise<void> {
  // A series that stops recurring loses its exceptions.
  if (!fields.recurrence) await writeExceptions(tx, id, { ...fields, exceptions: [] });
  else if (patch.exceptions !== undefined) await writeExceptions(tx, id, fields);
  else
    await tx.query(
      `UPDATE crm.activity SET kind = $2, responsible_user_id = $3, shared = $4, private = $5
        WHERE series_master_id = $1 AND (kind, responsible_user_id, shared, private) IS DISTINCT FROM ($2, $3, $4, $5)`,
      [id, fields.kind, fields.responsibleUserId, fields.shared, fields.private],
    );
}

async function writeChildrenBulk(tx: Tx, rows: { id: string; fields: ActivityFields }[]): Promise<void> {
  const participants = rows.flatMap(({ id, fields }) =>
    fields.participants.map((p, i) => [id, i, p.personId, p.userId, p.address, p.name, p.role, p.response]),
  );
  if (participants.length > 0)
    await insertRows(tx, 'crm.activity_participant', ['activity_id', 'position', 'person_id', 'user_id', 'address', 'name', 'role', 'response'], participants);
  for (const { id, fields } of rows) if (fields.exceptions.length > 0) await writeExceptions(tx, id, fields);
}

export const activityDefinition: EntityDefinition<ActivityFields, Activity> = {
  objectType: 'activity',
  table: 'crm.activity',
  rights: { private: true, participants: true },
  columns: COLUMNS,
  fieldsSchema: activityFieldsSchema,
  defaults: ACTIVITY_DEFAULTS,
  rowFilter: 'a.series_master_id IS NULL',
  hydrate,
  writeChildren,
  writeChildrenBulk,
  insertConflict: {
    suffix: 'ON CONFLICT (responsible_user_id, internet_message_id) WHERE internet_message_id IS NOT NULL DO NOTHING',
    async findExisting(tx, fields) {
      const { rows } = await tx.query<{ id: string }>(
        'SELECT id FROM crm.activity WHERE responsible_user_id = $1 AND internet_message_id = $2',
        [fields.responsibleUserId, fields.internetMessageId],
      );
      return rows[0]?.id ?? null;
    },
  },
};
