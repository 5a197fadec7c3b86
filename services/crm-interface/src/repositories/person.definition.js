import { insertRows } from '../db/database.js';
import { PERSON_DEFAULTS, personFieldsSchema } from '../records/person.schema.js';
import { groupBy, recordBase } from './columns.js';
const COLUMNS = [
    { field: 'companyId', column: 'company_id' },
    { field: 'responsibleUserId', column: 'responsible_user_id' },
    { field: 'shared', column: 'shared' },
    { field: 'contactType', column: 'contact_type' },
    { field: 'salutation', column: 'salutation' },
    { field: 'title', column: 'title' },
    { field: 'firstName', column: 'first_name' },
    { field: 'lastName', column: 'last_name' },
    { field: 'jobTitle', column: 'job_title' },
    { field: 'department', column: 'department' },
    { field: 'birthday', column: 'birthday' },
    { field: 'notes', column: 'notes' },
    { field: 'phones', column: 'phones', json: true },
    { field: 'addresses', column: 'addresses', json: true },
    { field: 'customFields', column: 'custom_fields', json: true },
];
async function hydrate(tx, rows, actor) {
    const ids = rows.map((row) => row.id);
    if (ids.length === 0)
        return [];
    const companyIds = [...new Set(rows.map((row) => row.company_id).filter(Boolean))];
    // Sequential on purpose: `tx` may be a single transaction client, which runs one query at a time.
    const emails = await tx.query('SELECT person_id, address, kind FROM crm.person_email WHERE person_id = ANY($1::uuid[]) ORDER BY person_id, position', [ids]);
    const favourites = actor
        ? await tx.query('SELECT person_id FROM crm.favourite WHERE user_id = $1 AND person_id = ANY($2::uuid[])', [actor.userId, ids])
        : { rows: [] };
    const companies = await tx.query('SELECT id, name FROM crm.company WHERE id = ANY($1::uuid[])', [companyIds]);
    const emailsByPerson = groupBy(emails.rows, (row) => row.person_id);
    const favouriteIds = new Set(favourites.rows.map((row) => row.person_id));
    const companyNames = new Map(companies.rows.map((row) => [row.id, row.name]));
    return rows.map((row) => {
        const base = recordBase(COLUMNS, row);
        return {
            ...base,
            emails: (emailsByPerson.get(base.id) ?? []).map(({ address, kind }) => ({ address, kind })),
            companyName: base.companyId ? (companyNames.get(base.companyId) ?? null) : null,
            favourite: favouriteIds.has(base.id),
        };
    });
}
async function writeChildren(tx, id, fields, patch) {
    if (patch.emails === undefined)
        return;
    await tx.query('DELETE FROM crm.person_email WHERE person_id = $1', [id]);
    const rows = fields.emails.map((email, position) => [id, position, email.address, email.kind]);
    if (rows.length > 0)
        await insertRows(tx, 'crm.person_email', ['person_id', 'position', 'address', 'kind'], rows);
}
async function writeChildrenBulk(tx, rows) {
    const emails = rows.flatMap(({ id, fields }) => fields.emails.map((email, position) => [id, position, email.address, email.kind]));
    if (emails.length > 0)
        await insertRows(tx, 'crm.person_email', ['person_id', 'position', 'address', 'kind'], emails);
}
export const personDefinition = {
    objectType: 'person',
    table: 'crm.person',
    rights: { private: false, participants: false },
    columns: COLUMNS,
    fieldsSchema: personFieldsSchema,
    defaults: PERSON_DEFAULTS,
    hydrate,
    writeChildren,
    writeChildrenBulk,
};
//# sourceMappingURL=person.definition.js.map