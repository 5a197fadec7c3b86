import type { ContentTypeRef } from '@connector/syncml';
import { CrmError, CRM_ERROR_CODES } from '../repositories/crm.error.js';
import type { CrmData, DatastoreRecords } from '../repositories/crm-data.js';
import { EmailFiling, takeOriginalMime } from '../repositories/email-filing.js';
import { DATASTORE_NAMES, type DatastoreName } from '../repositories/datastores.js';
import type { Actor } from '../repositories/rights.js';
import type { SyncTarget } from '../repositories/sync-state.repository.js';
import type { DatastoreSpec, SyncmlBackend, SyncScope, SyncUser, WriteOutcome } from './syncml-backend.port.js';

/** What the adapter needs from the record formats: the types per datastore and the codecs. */
export interface RecordCodec {
  /** Native type first, then the standard ones; the first standard type is the fallback. */
  contentTypes(datastore: DatastoreName): readonly ContentTypeRef[];
  encode(datastore: DatastoreName, record: unknown, contentType: string): string;
  /** Record input for create/update; throws on data it cannot read. */
  decode(datastore: DatastoreName, contentType: string, data: string): unknown;
}

/** LocURIs standard clients use for our datastores. */
const ALIASES: Readonly<Record<DatastoreName, readonly string[]>> = {
  contacts: ['contact', 'card', 'addressbook', 'vcard'],
  companies: ['company'],
  calendar: ['event', 'events', 'cal', 'appointments', 'vcalendar'],
  emails: ['email', 'mail', 'mails'],
  tasks: ['task', 'todo', 'todos'],
  absences: ['absence'],
};

const PAGE = 1_000;

const actorOf = (user: SyncUser): Actor => ({ userId: user.userId, login: user.login, salesGroup: user.salesGroup });
const targetOf = (scope: SyncScope): SyncTarget => ({ userId: scope.user.userId, deviceId: scope.deviceId, datastore: scope.datastore.name as DatastoreName });
const toUser = (actor: Actor): SyncUser => ({ userId: actor.userId, login: actor.login, salesGroup: actor.salesGroup });

function failure(error: unknown): WriteOutcome {
  if (!(error instanceof CrmError)) throw error;
  const result = error.code === CRM_ERROR_CODES.FORBIDDEN ? 'forbidden' : error.code === CRM_ERROR_CODES.NOT_FOUND ? 'not-found' : 'invalid';
  return { result, message: error.message };
}

/** The SyncML engine's view of the CRM: repositories (rights applied), sync state and formats. */
export function createCrmBackend(data: CrmData, codec: RecordCodec): SyncmlBackend {
  const specs: DatastoreSpec[] = DATASTORE_NAMES.map((name) => {
    const types = codec.contentTypes(name);
    const native = types[0] as ContentTypeRef;
    return { name, aliases: ALIASES[name], displayName: name, nativeType: native, contentTypes: types, fallbackType: types[1] ?? native };
  });
  const store = (scope: SyncScope) => data.datastore(scope.datastore.name);
  const name = (scope: SyncScope) => scope.datastore.name as DatastoreName;
  const filing = new EmailFiling(data.db, data.documents);

  function decoded(scope: SyncScope, contentType: string, text: string): { input: unknown } | WriteOutcome {
    try {
      return { input: codec.decode(name(scope), contentType, text) };
    } catch (error) {
      return { result: 'invalid', message: (error as Error).message };
    }
  }

  return {
    datastores: () => specs,
    async findUser(login) {
      try {
        const actor = await data.users.actorFor(login);
        return actor.syncEnabled ? toUser(actor) : null;
      } catch (error) {
        if (error instanceof CrmError && error.code === CRM_ERROR_CODES.UNKNOWN_USER) return null;
        throw error;
      }
    },
    async verifyPassword(login, password) {
      const actor = await data.users.verifyBasic(login, password);
      return actor ? toUser(actor) : null;
    },
    async verifyMd5(login, nonce, digest) {
      const actor = await data.users.verifyMd5(login, nonce, digest);
      return actor ? toUser(actor) : null;
    },
    watermark: () => data.currentSeq(),
    async changesSince(scope, sinceSeq, uptoSeq, cursor) {
      const page = await store(scope).changesSince(actorOf(scope.user), targetOf(scope), { sinceSeq: cursor ?? sinceSeq, watermark: uptoSeq, limit: PAGE });
      return {
        changes: page.changes.map((c) => ({ recordId: c.type === 'upsert' ? c.record.id : c.recordId, kind: c.type })),
        ...(page.more ? { cursor: page.nextSeq } : {}),
      };
    },
    async listRecords(scope, cursor) {
      const records = await store(scope).list(actorOf(scope.user), { afterId: cursor, limit: PAGE });
      const recordIds = records.map((r) => r.id);
      return records.length === PAGE ? { recordIds, cursor: recordIds[recordIds.length - 1] } : { recordIds };
    },
    async readRecords(scope, recordIds, contentType) {
      const records = await store(scope).getMany(actorOf(scope.user), recordIds);
      return records.map((r) => ({ recordId: r.id, version: r.version, data: codec.encode(name(scope), r, contentType) }));
    },
    async add(scope, contentType, text) {
      // A filed e-mail may carry its original message: linked and split into documents here.
      const isEmail = name(scope) === 'emails';
      const mail = isEmail ? takeOriginalMime(text) : { xml: text };
      const d = decoded(scope, contentType, mail.xml);
      if (!('input' in d)) return d;
      try {
        const actor = actorOf(scope.user);
        const created = await store(scope).create(actor, isEmail ? await filing.prepare(d.input) : d.input);
        let record = created.record;
        if (mail.mimeBase64) {
          const mailRecord = record as DatastoreRecords['emails'];
          const bodies = await filing.storeDocuments(actor, mailRecord, mail.mimeBase64);
          // Exchange servers without TextBody send the HTML only: the text comes from the message.
          const patch = { ...(mailRecord.bodyText === null && bodies.text ? { bodyText: bodies.text } : {}), ...(mailRecord.bodyHtml === null && bodies.html ? { bodyHtml: bodies.html } : {}) };
          if (Object.keys(patch).length > 0) await store(scope).update(actor, record.id, patch);
          record = (await store(scope).get(actor, record.id)) ?? record;
        }
        return { result: created.changed ? 'created' : 'existing', recordId: record.id, version: record.version };
      } catch (error) {
        return failure(error);
      }
    },
    async replace(scope, recordId, contentType, text) {
      const d = decoded(scope, contentType, text);
      if (!('input' in d)) return d;
      try {
        const { record, changed } = await store(scope).update(actorOf(scope.user), recordId, d.input);
        return { result: changed ? 'updated' : 'unchanged', recordId: record.id, version: record.version };
      } catch (error) {
        return failure(error);
      }
    },
    async remove(scope, recordId) {
      try {
        await store(scope).delete(actorOf(scope.user), recordId);
        return { result: 'deleted', recordId, version: '' };
      } catch (error) {
        return failure(error);
      }
    },
    getAnchor: (scope) => data.sync.getAnchor(targetOf(scope)),
    setAnchor: (scope, anchor) => data.sync.setAnchor(targetOf(scope), anchor),
    recordsForLuids: (scope, luids) => data.sync.findByLuids(targetOf(scope), luids),
    luidsForRecords: (scope, recordIds) => data.sync.findLuids(targetOf(scope), recordIds),
    putMappings: (scope, mappings) => data.sync.mapLuids(targetOf(scope), mappings),
    async removeMappings(scope, luids) {
      if (luids === undefined) return data.sync.resetMap(targetOf(scope));
      for (const luid of luids) await data.sync.unmapLuid(targetOf(scope), luid);
    },
    listMappings: (scope) => data.sync.listMappings(targetOf(scope)),
  };
}
