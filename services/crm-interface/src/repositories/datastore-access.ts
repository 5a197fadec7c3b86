import type { Db } from '../db/database.js';
import type { RecordMeta } from '../records/common.schema.js';
import { changesSince, type ChangePage, type ChangesQuery } from './changes.repository.js';
import { InvalidRecordError, NotFoundError } from './crm.error.js';
import type { DatastoreDefinition } from './datastores.js';
import type { EntityRepository, ListOptions, WriteResult } from './entity.repository.js';
import type { Actor } from './rights.js';
import type { SyncTarget } from './sync-state.repository.js';

/** One datastore as the SyncML session engine sees it: records of one type, filtered, with rights. */
export interface DatastoreAccess<R extends RecordMeta = RecordMeta> {
  readonly definition: DatastoreDefinition;
  get(actor: Actor, id: string): Promise<R | null>;
  getMany(actor: Actor, ids: readonly string[]): Promise<R[]>;
  list(actor: Actor, options?: Omit<ListOptions, 'filter'>): Promise<R[]>;
  create(actor: Actor, input: unknown): Promise<WriteResult<R>>;
  update(actor: Actor, id: string, input: unknown): Promise<WriteResult<R>>;
  delete(actor: Actor, id: string): Promise<void>;
  changesSince(actor: Actor, target: SyncTarget, query: ChangesQuery): Promise<ChangePage<R>>;
}

export function datastoreAccess<R extends RecordMeta>(
  db: Db,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  repository: EntityRepository<any, R>,
  definition: DatastoreDefinition,
): DatastoreAccess<R> {
  const { filter, fixed } = definition;

  async function assertInStore(id: string): Promise<void> {
    if (!filter) return;
    const { rowCount } = await db.query(`SELECT 1 FROM ${repository.def.table} a WHERE a.id = $1::uuid AND ${filter}`, [id]);
    if (!rowCount) throw new NotFoundError(`${id} is not in datastore ${definition.name}`);
  }

  function withFixed(input: unknown): unknown {
    if (!fixed) return input;
    if (typeof input !== 'object' || input === null) return input;
    return { ...input, ...fixed };
  }

  async function assertStillInStore(id: string): Promise<void> {
    if (!filter) return;
    const { rowCount } = await db.query(`SELECT 1 FROM ${repository.def.table} a WHERE a.id = $1::uuid AND ${filter}`, [id]);
    if (!rowCount) throw new InvalidRecordError(`the record does not belong in datastore ${definition.name}`);
  }

  return {
    definition,
    get: (actor, id) => repository.get(actor, id, filter),
    getMany: (actor, ids) => repository.getMany(actor, ids, filter),
    list: (actor, options) => repository.list(actor, { ...options, filter }),
    async create(actor, input) {
      const kind = (input as { kind?: unknown } | null)?.kind;
      if (definition.name === 'calendar' && kind === 'email') throw new InvalidRecordError('e-mails belong in the emails datastore');
      const withDefaults = input && typeof input === 'object' ? { ...definition.createDefaults, ...input } : input;
      const result = await repository.create(actor, withFixed(withDefaults));
      if (result.changed) await assertStillInStore(result.record.id);
      return result;
    },
    async update(actor, id, input) {
      await assertInStore(id);
      if (definition.name === 'calendar' && (input as { kind?: unknown } | null)?.kind === 'email')
        throw new InvalidRecordError('e-mails belong in the emails datastore');
      return repository.update(actor, id, withFixed(input));
    },
    async delete(actor, id) {
      await assertInStore(id);
      await repository.delete(actor, id);
    },
    changesSince: (actor, target, query) => changesSince(db, repository, definition, actor, target, query),
  };
}
