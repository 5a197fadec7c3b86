import { type Company, type CompanyFields } from '../records/company.schema.js';
import type { EntityDefinition } from './entity.repository.js';
export declare const companyDefinition: EntityDefinition<CompanyFields, Company>;
