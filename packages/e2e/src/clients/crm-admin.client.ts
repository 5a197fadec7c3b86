import type { DatastoreRecords } from '@connector/crm-interface';
import { AdminApiError, adminHttp, query, type AdminHttp } from './admin-http.js';

/** Fields every CRM record has when read back. */
export interface CrmRecordMeta {
  id: string;
  /** Change sequence of the record's last write (decimal string). */
  version: string;
  updatedAt: string;
}

export interface CrmUserInput {
  login: string;
  displayName: string;
  email?: string | null;
  salesGroup?: string | null;
  syncEnabled?: boolean;
  password?: string;
}

export interface CrmUser extends CrmRecordMeta {
  login: string;
  displayName: string;
  email: string | null;
  salesGroup: string | null;
  syncEnabled: boolean;
}

export interface CrmStats {
  /** Change sequence watermark: equal before and after a cycle means the cycle wrote nothing. */
  changeSeq: string;
  counts: Record<string, number>;
}

/** A CRM record as the admin API returns it (crm-interface's record types). */
export type CrmRecord<R = Record<string, unknown>> = R & CrmRecordMeta;
export type CrmPerson = DatastoreRecords['contacts'];
export type CrmCompany = DatastoreRecords['companies'];
export type CrmActivity = DatastoreRecords['calendar'];
export type CrmTask = DatastoreRecords['tasks'];
export type CrmAbsence = DatastoreRecords['absences'];

/** Fields of a new record (an `id` may be chosen) or of a patch; unnamed ones keep their value or default. */
export type CrmInput<R = Record<string, unknown>> = Partial<Omit<R, keyof CrmRecordMeta>> & { id?: string };

export interface CrmListFilter {
  responsibleUserId?: string;
  afterId?: string;
  limit?: number;
  /** Activities only. */
  kind?: string;
  /** Activities only. */
  internetMessageId?: string;
}

export interface EntityClient<R extends CrmRecordMeta> {
  /** Inserts records in one transaction (admin: no user rights apply); an existing id is not created again. */
  create(records: CrmInput<R>[]): Promise<{ id: string; created: boolean }[]>;
  /** Inserts one record and returns its id. */
  createOne(record: CrmInput<R>): Promise<string>;
  /** One page, ordered by id. */
  list(filter?: CrmListFilter): Promise<R[]>;
  /** Every page. */
  listAll(filter?: Omit<CrmListFilter, 'afterId' | 'limit'>): Promise<R[]>;
  /** One record by id; AdminApiError 404 when there is none. */
  get(id: string): Promise<R>;
  /**
   * An edit as a CRM user makes it in the CRM's screens, with that user's rights (`as`, default
   * the record's responsible user): a change the connector must carry to Exchange.
   */
  update(id: string, patch: CrmInput<R>, as?: string): Promise<{ record: R; changed: boolean }>;
  /** A deletion as a CRM user makes it (rights as for `update`). */
  delete(id: string, as?: string): Promise<void>;
}

const PAGE = 5_000;

function entity<R extends CrmRecordMeta>(http: AdminHttp, path: string): EntityClient<R> {
  const at = (id: string, as?: string) => `/admin/${path}/${encodeURIComponent(id)}${query({ as })}`;
  const client: EntityClient<R> = {
    create: async (records) => (await http.request<{ results: { id: string; created: boolean }[] }>('POST', `/admin/${path}`, records)).results,
    createOne: async (record) => (await client.create([record]))[0]!.id,
    list: (filter = {}) => http.request('GET', `/admin/${path}${query({ ...filter })}`),
    async listAll(filter = {}) {
      const all: R[] = [];
      for (let afterId: string | undefined; ; ) {
        const page = await client.list({ ...filter, afterId, limit: PAGE });
        all.push(...page);
        if (page.length < PAGE) return all;
        afterId = page.at(-1)!.id;
      }
    },
    // The admin API has no read by id: a scan is fine for the few records an e2e test seeds.
    async get(id) {
      const found = (await client.listAll()).find((r) => r.id === id);
      if (!found) throw new AdminApiError(404, 'CRM_NOT_FOUND', 'GET', `/admin/${path} (id ${id})`, `no ${path} record ${id}`);
      return found;
    },
    update: (id, patch, as) => http.request('PATCH', at(id, as), patch),
    delete: async (id, as) => void (await http.request('DELETE', at(id, as))),
  };
  return client;
}

/**
 * CRM.interface's admin API (`/admin`, header `x-admin-key`), typed: seed users and records,
 * read them back, edit and delete as a user, read the change sequence. Seeding bypasses user
 * rights: set `responsibleUserId` (see `users.userId(login)`) to give a record to a user.
 */
export function crmAdminClient(baseUrl: string, adminKey: string) {
  const http = adminHttp(baseUrl, adminKey);
  const users = {
    /** Creates or updates users by login. */
    upsert: async (inputs: CrmUserInput[]) => (await http.request<{ users: CrmUser[] }>('POST', '/admin/users', inputs)).users,
    list: (filter: { login?: string; salesGroup?: string; syncEnabled?: boolean } = {}) => http.request<CrmUser[]>('GET', `/admin/users${query(filter)}`),
    /** The id of the user with this login. */
    async userId(login: string): Promise<string> {
      const [user] = await users.list({ login });
      if (!user) throw new AdminApiError(404, 'CRM_UNKNOWN_USER', 'GET', `/admin/users?login=${login}`, `no CRM user ${login}`);
      return user.id;
    },
  };
  return {
    baseUrl,
    stats: () => http.request<CrmStats>('GET', '/admin/stats'),
    users,
    persons: entity<CrmPerson>(http, 'persons'),
    companies: entity<CrmCompany>(http, 'companies'),
    /** Appointments, visits, meetings, e-mails, calls, letters (field `kind`). */
    activities: entity<CrmActivity>(http, 'activities'),
    tasks: entity<CrmTask>(http, 'tasks'),
    absences: entity<CrmAbsence>(http, 'absences'),
    favourites: {
      add: (pairs: { userId: string; personId: string }[]) => http.request<{ count: number }>('POST', '/admin/favourites', pairs),
      list: (userId?: string) => http.request<{ userId: string; personId: string }[]>('GET', `/admin/favourites${query({ userId })}`),
    },
  };
}

export type CrmAdminClient = ReturnType<typeof crmAdminClient>;
