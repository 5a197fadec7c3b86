import { type Absence, type AbsenceFields } from '../records/absence.schema.js';
import type { EntityDefinition } from './entity.repository.js';
export declare const absenceDefinition: EntityDefinition<AbsenceFields & {
    responsibleUserId: string;
}, Absence>;
