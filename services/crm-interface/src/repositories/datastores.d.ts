import type { ObjectType } from './entity.repository.js';
/** The SyncML datastores this CRM offers: each a view on one table, possibly filtered. */
export declare const DATASTORE_NAMES: readonly ["contacts", "companies", "calendar", "emails", "tasks", "absences"];
export type DatastoreName = (typeof DATASTORE_NAMES)[number];
export interface DatastoreDefinition {
    name: DatastoreName;
    objectType: ObjectType;
    /** Trusted SQL over alias `a` selecting the rows of this datastore. */
    filter?: string;
    /** Fields a create through this datastore always gets. */
    fixed?: Record<string, unknown>;
    /** Fields a create gets unless the input says otherwise (standard clients do not name an activity kind). */
    createDefaults?: Record<string, unknown>;
}
export declare const DATASTORES: Record<DatastoreName, DatastoreDefinition>;
export declare function datastore(name: string): DatastoreDefinition;
