import { ABSENCE_DEFAULTS, absenceFieldsSchema } from '../records/absence.schema.js';
import { recordBase } from './columns.js';
const COLUMNS = [
    { field: 'responsibleUserId', column: 'responsible_user_id' },
    { field: 'shared', column: 'shared' },
    { field: 'type', column: 'type' },
    { field: 'startAt', column: 'start_at' },
    { field: 'endAt', column: 'end_at' },
    { field: 'allDay', column: 'all_day' },
    { field: 'timeZone', column: 'time_zone' },
    { field: 'note', column: 'note' },
];
export const absenceDefinition = {
    objectType: 'absence',
    table: 'crm.absence',
    rights: { private: false, participants: false },
    columns: COLUMNS,
    fieldsSchema: absenceFieldsSchema,
    defaults: ABSENCE_DEFAULTS,
    hydrate: async (_tx, rows) => rows.map((row) => recordBase(COLUMNS, row)),
};
//# sourceMappingURL=absence.definition.js.map