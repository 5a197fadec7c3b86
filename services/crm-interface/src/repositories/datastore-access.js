import { changesSince } from './changes.repository.js';
import { InvalidRecordError, NotFoundError } from './crm.error.js';
export function datastoreAccess(db, 
// eslint-disable-next-line @typescript-eslint/no-explicit-any
repository, definition) {
    const { filter, fixed } = definition;
    async function assertInStore(id) {
        if (!filter)
            return;
        const { rowCount } = await db.query(`SELECT 1 FROM ${repository.def.table} a WHERE a.id = $1::uuid AND ${filter}`, [id]);
        if (!rowCount)
            throw new NotFoundError(`${id} is not in datastore ${definition.name}`);
    }
    function withFixed(input) {
        if (!fixed)
            return input;
        if (typeof input !== 'object' || input === null)
            return input;
        return { ...input, ...fixed };
    }
    async function assertStillInStore(id) {
        if (!filter)
            return;
        const { rowCount } = await db.query(`SELECT 1 FROM ${repository.def.table} a WHERE a.id = $1::uuid AND ${filter}`, [id]);
        if (!rowCount)
            throw new InvalidRecordError(`the record does not belong in datastore ${definition.name}`);
    }
    return {
        definition,
        get: (actor, id) => repository.get(actor, id, filter),
        getMany: (actor, ids) => repository.getMany(actor, ids, filter),
        list: (actor, options) => repository.list(actor, { ...options, filter }),
        async create(actor, input) {
            const kind = input?.kind;
            if (definition.name === 'calendar' && kind === 'email')
                throw new InvalidRecordError('e-mails belong in the emails datastore');
            const withDefaults = input && typeof input === 'object' ? { ...definition.createDefaults, ...input } : input;
            const result = await repository.create(actor, withFixed(withDefaults));
            if (result.changed)
                await assertStillInStore(result.record.id);
            return result;
        },
        async update(actor, id, input) {
            await assertInStore(id);
            if (definition.name === 'calendar' && input?.kind === 'email')
                throw new InvalidRecordError('e-mails belong in the emails datastore');
            return repository.update(actor, id, withFixed(input));
        },
        async delete(actor, id) {
            await assertInStore(id);
            await repository.delete(actor, id);
        },
        changesSince: (actor, target, query) => changesSince(db, repository, definition, actor, target, query),
    };
}
//# sourceMappingURL=datastore-access.js.map