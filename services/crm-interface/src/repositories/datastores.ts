import type { ObjectType } from './entity.repository.js';
import { CRM_ERROR_CODES, CrmError } from './crm.error.js';

/** The SyncML datastores this CRM offers: each a view on one table, possibly filtered. */
export const DATASTORE_NAMES = ['contacts', 'companies', 'calendar', 'emails', 'tasks', 'absences'] as const;
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

export const DATASTORES: Record<DatastoreName, DatastoreDefinition> = {
  contacts: { name: 'contacts', objectType: 'person' },
  companies: { name: 'companies', objectType: 'company' },
  // Appointments, visits, meetings, calls and letters: everything with a date that is not a filed mail.
  calendar: { name: 'calendar', objectType: 'activity', filter: "a.kind <> 'email'", createDefaults: { kind: 'appointment' } },
  emails: { name: 'emails', objectType: 'activity', filter: "a.kind = 'email'", fixed: { kind: 'email' } },
  tasks: { name: 'tasks', objectType: 'task' },
  absences: { name: 'absences', objectType: 'absence' },
};

export function datastore(name: string): DatastoreDefinition {
  const found = (DATASTORES as Record<string, DatastoreDefinition>)[name];
  if (!found) throw new CrmError(CRM_ERROR_CODES.UNKNOWN_DATASTORE, `unknown datastore ${name}`);
  return found;
}
