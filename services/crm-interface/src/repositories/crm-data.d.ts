import type { Db } from '../db/database.js';
import type { Absence, AbsenceFields } from '../records/absence.schema.js';
import type { Activity, ActivityFields } from '../records/activity.schema.js';
import type { Company, CompanyFields } from '../records/company.schema.js';
import type { Task, TaskFields } from '../records/task.schema.js';
import { type DatastoreAccess } from './datastore-access.js';
import { type DatastoreName } from './datastores.js';
import { DocumentRepository, type DocumentRepositoryOptions } from './document.repository.js';
import { EntityRepository } from './entity.repository.js';
import type { Person } from '../records/person.schema.js';
import { PersonRepository } from './person.repository.js';
import { SyncStateRepository } from './sync-state.repository.js';
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
    absences: EntityRepository<AbsenceFields & {
        responsibleUserId: string;
    }, Absence>;
    documents: DocumentRepository;
    sync: SyncStateRepository;
    /** Records of one SyncML datastore; throws CRM_UNKNOWN_DATASTORE for other names. */
    datastore<N extends DatastoreName>(name: N): DatastoreAccess<DatastoreRecords[N]>;
    datastore(name: string): DatastoreAccess<CrmRecord>;
    /** Change sequence watermark: every change up to it is committed. */
    currentSeq(): Promise<string>;
}
export declare function createCrmData(db: Db, options?: {
    documents?: DocumentRepositoryOptions;
}): CrmData;
