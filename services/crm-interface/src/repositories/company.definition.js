import { COMPANY_DEFAULTS, companyFieldsSchema } from '../records/company.schema.js';
import { recordBase } from './columns.js';
const COLUMNS = [
    { field: 'name', column: 'name' },
    { field: 'responsibleUserId', column: 'responsible_user_id' },
    { field: 'shared', column: 'shared' },
    { field: 'industry', column: 'industry' },
    { field: 'website', column: 'website' },
    { field: 'notes', column: 'notes' },
    { field: 'emails', column: 'emails', json: true },
    { field: 'phones', column: 'phones', json: true },
    { field: 'addresses', column: 'addresses', json: true },
    { field: 'customFields', column: 'custom_fields', json: true },
];
export const companyDefinition = {
    objectType: 'company',
    table: 'crm.company',
    rights: { private: false, participants: false },
    columns: COLUMNS,
    fieldsSchema: companyFieldsSchema,
    defaults: COMPANY_DEFAULTS,
    hydrate: async (_tx, rows) => rows.map((row) => recordBase(COLUMNS, row)),
};
//# sourceMappingURL=company.definition.js.map