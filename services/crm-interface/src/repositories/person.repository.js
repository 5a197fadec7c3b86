import { EntityRepository } from './entity.repository.js';
import { NotFoundError } from './crm.error.js';
import { personDefinition } from './person.definition.js';
import { Params, rightsSql } from './rights.js';
/** Persons plus what only persons have: favourites and lookup by e-mail address. */
export class PersonRepository extends EntityRepository {
    constructor(db) {
        super(db, personDefinition);
    }
    /** Marks or unmarks a person the actor can read as one of their favourites. */
    async setFavourite(actor, personId, favourite) {
        if (!(await this.get(actor, personId)))
            throw new NotFoundError(`person ${personId} does not exist`);
        if (favourite)
            await this.db.query('INSERT INTO crm.favourite (user_id, person_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [actor.userId, personId]);
        else
            await this.db.query('DELETE FROM crm.favourite WHERE user_id = $1 AND person_id = $2', [actor.userId, personId]);
    }
    /** Readable persons having this e-mail address (case-insensitive), for resolving mail and meeting addresses. */
    async findByEmail(actor, address) {
        const params = new Params();
        const { rows } = await this.db.query(`SELECT DISTINCT a.id FROM crm.person a JOIN crm.person_email e ON e.person_id = a.id
        WHERE lower(e.address) = lower(${params.add(address)}) AND ${rightsSql(this.def.rights, 'a', params, actor, 'read')}`, params.values);
        return this.getMany(actor, rows.map((row) => row.id));
    }
}
//# sourceMappingURL=person.repository.js.map