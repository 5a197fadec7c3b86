import { absenceDefinition } from './absence.definition.js';
import { activityDefinition } from './activity.definition.js';
import { stableChangeSeq } from './changes.repository.js';
import { companyDefinition } from './company.definition.js';
import { datastoreAccess } from './datastore-access.js';
import { DATASTORES, datastore } from './datastores.js';
import { DocumentRepository } from './document.repository.js';
import { EntityRepository } from './entity.repository.js';
import { PersonRepository } from './person.repository.js';
import { SyncStateRepository } from './sync-state.repository.js';
import { taskDefinition } from './task.definition.js';
import { UserRepository } from './user.repository.js';
export function createCrmData(db, options = {}) {
    const persons = new PersonRepository(db);
    const companies = new EntityRepository(db, companyDefinition);
    const activities = new EntityRepository(db, activityDefinition);
    const tasks = new EntityRepository(db, taskDefinition);
    const absences = new EntityRepository(db, absenceDefinition);
    const byType = { person: persons, company: companies, activity: activities, task: tasks, absence: absences };
    const stores = new Map(Object.values(DATASTORES).map((definition) => [
        definition.name,
        datastoreAccess(db, byType[definition.objectType], definition),
    ]));
    return {
        db,
        users: new UserRepository(db),
        persons,
        companies,
        activities,
        tasks,
        absences,
        documents: new DocumentRepository(db, activities, options.documents),
        sync: new SyncStateRepository(db),
        datastore: ((name) => stores.get(datastore(name).name)),
        currentSeq: () => stableChangeSeq(db),
    };
}
//# sourceMappingURL=crm-data.js.map