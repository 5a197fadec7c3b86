import type { Db } from '../db/database.js';
import type { Absence, AbsenceFields } from '../records/absence.schema.js';
import type { Activity, ActivityFields } from '../records/activity.schema.js';
import type { Company, CompanyFields } from '../records/company.schema.js';
import type { Task, TaskFields } from '../records/task.schema.js';
import { absenceDefinition } from './absence.definition.js';
import { activityDefinition } from './activity.definition.js';
import { stableChangeSeq } from './changes.repository.js';
import { companyDefinition } from './company.definition.js';
import { datastoreAccess, type DatastoreAccess } from './datastore-access.js';
import { DATASTORES, datastore, type DatastoreName } from './datastores.js';
import { DocumentRepository, type DocumentRepositoryOptions } from './document.repository.js';
import { EntityRepository } from './entity.repository.js';
import type { Person, PersonFields } from '../records/person.schema.js';
import { PersonRepository } from './person.repository.js';
import { SyncStateRepository } from './sync-state.repository.js';
import { taskDefinition } from './task.definition.js';
import { UserRepository } from './user.repository.js';

/** The record type each datastore holds. */
export interface DatastoreRecords {
  contacts: Person;
  companies: Company;
  calendar: Activity;
  emails: Activity;
  tasks: Task;
  absences: Absence;
}
export type CrmRecord = DatastoreRecords[DatastoreName];

/** Everything the SyncML session engine and the admin API use to reach the CRM database. */
export interface CrmData {
  db: Db;
  users: UserRepository;
  persons: PersonRepository;
  companies: EntityRepository<CompanyFields, Company>;
  activities: EntityRepository<ActivityFields, Activity>;
  tasks: EntityRepository<TaskFields, Task>;
  absences: EntityRepository<AbsenceFields & { responsibleUserId: string }, Absence>;
  documents: DocumentRepository;
  sync: SyncStateRepository;
  /** Records of one SyncML datastore; throws CRM_UNKNOWN_DATASTORE for other names. */
  datastore<N extends DatastoreName>(name: N): DatastoreAccess<DatastoreRecords[N]>;
  datastore(name: string): DatastoreAccess<CrmRecord>;
  /** Change sequence watermark: every change up to it is committed. */
  currentSeq(): Promise<string>;
}

export function createCrmData(db: Db, options: { documents?: DocumentRepositoryOptions } = {}): CrmData {
  const persons = new PersonRepository(db);
  const companies = new EntityRepository(db, companyDefinition);
  const activities = new EntityRepository(db, activityDefinition);
  const tasks = new EntityRepository(db, taskDefinition);
  const absences = new EntityRepository(db, absenceDefinition);
  const byType = { person: persons, company: companies, activity: activities, task: tasks, absence: absences };
  const stores = new Map(
    Object.values(DATASTORES).map((definition) => [
      definition.name,
      datastoreAccess(db, byType[definition.objectType] as EntityRepository<PersonFields, Person>, definition) as DatastoreAccess,
    ]),
  );
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
    datastore: ((name: string) => stores.get(datastore(name).name)!) as CrmData['datastore'],
    currentSeq: () => stableChangeSeq(db),
  };
}
