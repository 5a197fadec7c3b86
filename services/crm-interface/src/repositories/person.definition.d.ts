import { type Person, type PersonFields } from '../records/person.schema.js';
import type { EntityDefinition } from './entity.repository.js';
export declare const personDefinition: EntityDefinition<PersonFields, Person>;
