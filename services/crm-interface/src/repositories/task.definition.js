import { TASK_DEFAULTS, taskFieldsSchema } from '../records/task.schema.js';
import { recordBase } from './columns.js';
const COLUMNS = [
    { field: 'responsibleUserId', column: 'responsible_user_id' },
    { field: 'shared', column: 'shared' },
    { field: 'private', column: 'private' },
    { field: 'delegated', column: 'delegated' },
    { field: 'personId', column: 'person_id' },
    { field: 'companyId', column: 'company_id' },
    { field: 'subject', column: 'subject' },
    { field: 'body', column: 'body' },
    { field: 'status', column: 'status' },
    { field: 'percentComplete', column: 'percent_complete' },
    { field: 'startDate', column: 'start_date' },
    { field: 'dueDate', column: 'due_date' },
    { field: 'completedAt', column: 'completed_at' },
    { field: 'priority', column: 'priority' },
    { field: 'reminderAt', column: 'reminder_at' },
    { field: 'categories', column: 'categories' },
    { field: 'customFields', column: 'custom_fields', json: true },
];
export const taskDefinition = {
    objectType: 'task',
    table: 'crm.task',
    rights: { private: true, participants: false },
    columns: COLUMNS,
    fieldsSchema: taskFieldsSchema,
    defaults: TASK_DEFAULTS,
    hydrate: async (_tx, rows) => rows.map((row) => recordBase(COLUMNS, row)),
};
//# sourceMappingURL=task.definition.js.map