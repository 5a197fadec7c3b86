import type { Tx } from '../db/database.js';
import { COMPANY_DEFAULTS, companyFieldsSchema, type Company, type CompanyFields } from '../records/company.schema.js';
import { recordBase, type Column } from './columns.js';
import type { EntityDefinition, Row } from './entity.repository.js';

const COLUMNS: readonly Column<CompanyFields>[] = [
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

export const companyDefinition: EntityDefinition<CompanyFields, Company> = {
  objectType: 'company',
  table: 'crm.company',
  rights: { private: false, participants: false },
  columns: COLUMNS,
  fieldsSchema: companyFieldsSchema,
  defaults: COMPANY_DEFAULTS,
  hydrate: async (_tx: Tx, rows: Row[]) => rows.map((row) => recordBase(COLUMNS, row)),
};
