import { CRM_ERROR_CODES, CrmError } from './crm.error.js';
/** The SyncML datastores this CRM offers: each a view on one table, possibly filtered. */
export const DATASTORE_NAMES = ['contacts', 'companies', 'calendar', 'emails', 'tasks', 'absences'];
export const DATASTORES = {
    contacts: { name: 'contacts', objectType: 'person' },
    companies: { name: 'companies', objectType: 'company' },
    // Appointments, visits, meetings, calls and letters: everything with a date that is not a filed mail.
    calendar: { name: 'calendar', objectType: 'activity', filter: "a.kind <> 'email'", createDefaults: { kind: 'appointment' } },
    emails: { name: 'emails', objectType: 'activity', filter: "a.kind = 'email'", fixed: { kind: 'email' } },
    tasks: { name: 'tasks', objectType: 'task' },
    absences: { name: 'absences', objectType: 'absence' },
};
export function datastore(name) {
    const found = DATASTORES[name];
    if (!found)
        throw new CrmError(CRM_ERROR_CODES.UNKNOWN_DATASTORE, `unknown datastore ${name}`);
    return found;
}
//# sourceMappingURL=datastores.js.map