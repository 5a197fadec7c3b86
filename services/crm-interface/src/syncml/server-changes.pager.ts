import type { CommandDraft, SyncChildDraft } from '@connector/syncml';
import { scopeOf } from './alert.handler.js';
import type { DatastoreSession, PlannedChange, SyncSession } from './session.model.js';
import type { EncodedRecord, SyncmlBackend } from './syncml-backend.port.js';

/** Records read per database round trip while filling a message. */
const READ_BATCH = 200;

function toCommand(ds: DatastoreSession, change: PlannedChange, record: EncodedRecord | undefined): SyncChildDraft | undefined {
  const type = ds.sendType.ctType;
  if (change.op === 'delete') return { kind: 'Delete', items: [{ target: { locURI: change.luid ?? change.recordId } }] };
  if (!record) {
    // No longer readable (deleted meanwhile or rights changed): a device that has it loses it.
    return change.luid === undefined ? undefined : { kind: 'Delete', items: [{ target: { locURI: change.luid } }] };
  }
  // The client's own write coming back: not an echo worth sending.
  if (ds.written.get(record.recordId) === record.version) return undefined;
  const meta = { type, version: record.version };
  if (change.op === 'replace') {
    return { kind: 'Replace', meta: { type }, items: [{ target: { locURI: change.luid ?? '' }, source: { locURI: record.recordId }, meta, data: record.data }] };
  }
  return { kind: 'Add', meta: { type }, items: [{ source: { locURI: record.recordId }, meta, data: record.data }] };
}

/**
 * Reads the next planned server modifications until about `budget` bytes of item data are
 * ready, as one Sync per datastore. Adds are remembered until the client's Map arrives.
 */
export async function nextServerPage(backend: SyncmlBackend, session: SyncSession, budget: number): Promise<CommandDraft[]> {
  const drafts: CommandDraft[] = [];
  let bytes = 0;
  for (const ds of session.datastores.values()) {
    const plan = ds.plan ?? [];
    if (ds.planned >= plan.length && ds.syncSent) continue;
    const first = !ds.syncSent;
    ds.syncSent = true;
    const commands: SyncChildDraft[] = [];
    while (ds.planned < plan.length && bytes < budget) {
      const batch = plan.slice(ds.planned, ds.planned + READ_BATCH);
      ds.planned += batch.length;
      const ids = batch.filter((c) => c.op !== 'delete').map((c) => c.recordId);
      const records = new Map((await backend.readRecords(scopeOf(session, ds), ids, ds.sendType.ctType)).map((r) => [r.recordId, r]));
      for (const change of batch) {
        const command = toCommand(ds, change, records.get(change.recordId));
        if (!command) continue;
        if (command.kind === 'Add') session.awaitingMap.add(change.recordId);
        bytes += 200 + (records.get(change.recordId)?.data.length ?? 0);
        commands.push(command);
      }
    }
    drafts.push({
      kind: 'Sync',
      target: { locURI: ds.clientUri },
      source: { locURI: ds.spec.name },
      ...(first ? { numberOfChanges: plan.length } : {}),
      commands,
    });
    if (bytes >= budget) break;
  }
  return drafts;
}

export function serverChangesPending(session: SyncSession): boolean {
  return [...session.datastores.values()].some((ds) => ds.plan !== undefined && (!ds.syncSent || ds.planned < ds.plan.length));
}
