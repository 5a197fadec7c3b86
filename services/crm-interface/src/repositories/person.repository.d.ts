import type { Db } from '../db/database.js';
import type { Person, PersonFields } from '../records/person.schema.js';
import { EntityRepository } from './entity.repository.js';
import { type Actor } from './rights.js';
/** Persons plus what only persons have: favourites and lookup by e-mail address. */
export declare class PersonRepository extends EntityRepository<PersonFields, Person> {
    constructor(db: Db);
    /** Marks or unmarks a person the actor can read as one of their favourites. */
    setFavourite(actor: Actor, personId: string, favourite: boolean): Promise<void>;
    /** Readable persons having this e-mail address (case-insensitive), for resolving mail and meeting addresses. */
    findByEmail(actor: Actor, address: string): Promise<Person[]>;
}
