import type { Tx } from '../db/database.js';
import { ABSENCE_DEFAULTS, absenceFieldsSchema, type Absence, type AbsenceFields } from '../records/absence.schema.js';
import { recordBase, type Column } from './columns.js';
import type { EntityDefinition, Row } from './entity.repository.js';

const COLUMNS: readonly Column<AbsenceFields>[] = [
  { field: 'responsibleUserId', column: 'responsible_user_id' },
  { field: 'shared', column: 'shared' },
  { field: 'type', column: 'type' },
  { field: 'startAt', column: 'start_at' },
  { field: 'endAt', column: 'end_at' },
  { field: 'allDay', column: 'all_day' },
  { field: 'timeZone', column: 'time_zone' },
  { field: 'note', column: 'note' },
];

export const absenceDefinition: EntityDefinition<AbsenceFields & { responsibleUserId: string }, Absence> = {
  objectType: 'absence',
  table: 'crm.absence',
  rights: { private: false, participants: false },
  columns: COLUMNS,
  fieldsSchema: absenceFieldsSchema,
  defaults: ABSENCE_DEFAULTS,
  hydrate: async (_tx: Tx, rows: Row[]) => rows.map((row) => recordBase(COLUMNS, row)),
};
