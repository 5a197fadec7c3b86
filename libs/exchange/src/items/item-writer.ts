import {
  AffectedTaskOccurrence,
  BasePropertySet,
  ConflictResolutionMode,
  DeleteMode,
  FolderId,
  ItemId,
  PropertySet,
  SendCancellationsMode,
  SendInvitationsMode,
  SendInvitationsOrCancellationsMode,
  type Item,
} from 'ews-javascript-api';
import type { DomainItem, ExchangeRef, ObjectType } from '@connector/core';
import { ExchangeError } from '../errors/exchange.error.js';
import { fromServiceResponse, isFailure } from '../errors/fault-normalizer.js';
import type { EwsContext } from '../ews/ews-context.js';
import type { DeleteType, ItemResult, ItemUpdate, NewItem } from '../exchange.port.js';
import { mapperFor } from '../mapping/mappers.js';
import { applyFields, type MapperContext } from '../mapping/type-mapper.js';
import { asExisting, itemIdWithKey } from './item-shell.js';
import { getItems } from './item-reader.js';
import { applyOccurrences } from './occurrences.js';

const DELETE_MODES: Record<DeleteType, DeleteMode> = {
  hardDelete: DeleteMode.HardDelete,
  softDelete: DeleteMode.SoftDelete,
  moveToDeletedItems: DeleteMode.MoveToDeletedItems,
};

const isCalendar = (type: ObjectType) => type === 'appointment' || type === 'absence';
const OCCURRENCE_FIELDS = ['modifiedOccurrences', 'deletedOccurrences'];

function writableMapper<T extends ObjectType>(type: T) {
  const mapper = mapperFor(type);
  if (Object.keys(mapper.writers).length === 0) throw new ExchangeError('EXCHANGE_BAD_INPUT', `${type} items are read-only for the connector`);
  return mapper;
}

function needsOccurrences(item: DomainItem): boolean {
  return item.type === 'appointment' && !!item.recurrence && (item.deletedOccurrences.length > 0 || item.modifiedOccurrences.length > 0);
}

export async function createItems<T extends ObjectType>(ctx: EwsContext, mailbox: string, type: T, folderId: string, items: readonly NewItem<T>[]): Promise<ItemResult<ExchangeRef>[]> {
  const mapper = writableMapper(type);
  const mctx: MapperContext = { props: ctx.props, mailbox };
  const out: ItemResult<ExchangeRef>[] = [];
  for (const batch of ctx.batches(items)) {
    const service = ctx.service(mailbox);
    const ews = batch.map((n) => {
      const item = mapper.newItem(service);
      applyFields(mapper, item, n.item, mctx);
      item.SetExtendedProperty(ctx.props.markers.linkId, n.linkId);
      return item;
    });
    const invitations = isCalendar(type) ? SendInvitationsMode.SendToNone : (null as never);
    const responses = await ctx.call(mailbox, (s) => s.CreateItems(ews, new FolderId(folderId), null as never, invitations));
    for (const [i, response] of responses.Responses.entries()) {
      if (isFailure(response)) out.push({ ok: false, error: fromServiceResponse(response, { mailbox }) });
      else out.push(await followUp(ctx, mailbox, ews[i]!, batch[i]!.item, false));
    }
  }
  return out;
}

export async function updateItems<T extends ObjectType>(
  ctx: EwsContext,
  mailbox: string,
  type: T,
  updates: readonly ItemUpdate<T>[],
  conflict: 'fail' | 'overwrite',
): Promise<ItemResult<ExchangeRef>[]> {
  const mapper = writableMapper(type);
  const mctx: MapperContext = { props: ctx.props, mailbox };
  const mode = conflict === 'overwrite' ? ConflictResolutionMode.AlwaysOverwrite : ConflictResolutionMode.NeverOverwrite;
  const out: ItemResult<ExchangeRef>[] = [];
  for (const batch of ctx.batches(updates)) {
    const service = ctx.service(mailbox);
    const shells = batch.map((u) => {
      const shell = asExisting(mapper.newItem(service), itemIdWithKey(u.ref.itemId, u.ref.changeKey));
      applyFields(mapper, shell, u.item, mctx, u.changedFields as readonly string[]);
      return shell;
    });
    const dirty = shells.map((s, i) => ({ shell: s, i })).filter(({ shell }) => shell.IsDirty);
    const results = new Map<number, ItemResult<ExchangeRef>>();
    if (dirty.length > 0) {
      const sendMode = isCalendar(type) ? SendInvitationsOrCancellationsMode.SendToNone : (null as never);
      const responses = await ctx.call(mailbox, (s) => s.UpdateItems(dirty.map((d) => d.shell), null as never, mode, null as never, sendMode));
      responses.Responses.forEach((response, k) => {
        const { i } = dirty[k]!;
        const itemId = batch[i]!.ref.itemId;
        if (isFailure(response)) results.set(i, { ok: false, itemId, error: fromServiceResponse(response, { mailbox, itemId }) });
      });
    }
    for (const [i, update] of batch.entries()) {
      const failed = results.get(i);
      if (failed) {
        out.push(failed);
        continue;
      }
      const touchesOccurrences = update.changedFields.some((f) => OCCURRENCE_FIELDS.includes(f as string));
      const written = dirty.some((d) => d.i === i);
      if (touchesOccurrences) out.push(await followUp(ctx, mailbox, shells[i]!, update.item, true));
      else {
        const shell = shells[i]!;
        out.push({ ok: true, value: written ? { itemId: shell.Id.UniqueId, changeKey: shell.Id.ChangeKey } : update.ref });
      }
    }
  }
  return out;
}

/**
 * After a create, or an update naming the occurrence fields: apply a series' deleted/modified
 * occurrences (on update only those not already there), then report the master's final change key.
 */
async function followUp(ctx: EwsContext, mailbox: string, item: Item, domain: DomainItem, isUpdate: boolean): Promise<ItemResult<ExchangeRef>> {
  const itemId = item.Id.UniqueId;
  const ref = { itemId, changeKey: item.Id.ChangeKey };
  if (domain.type !== 'appointment' || !domain.recurrence || (!isUpdate && !needsOccurrences(domain))) return { ok: true, value: ref };
  try {
    let already = { deleted: [] as string[], modified: [] as Extract<DomainItem, { type: 'appointment' }>['modifiedOccurrences'] };
    if (isUpdate) {
      const [current] = await getItems(ctx, mailbox, 'appointment', [itemId]);
      if (current?.ok) already = { deleted: current.value.item.deletedOccurrences, modified: current.value.item.modifiedOccurrences };
    }
    await ctx.call(mailbox, (s) => applyOccurrences(s, itemId, domain, already));
    const responses = await ctx.call(mailbox, (s) => s.BindToItems([new ItemId(itemId)], new PropertySet(BasePropertySet.IdOnly)));
    const current = responses.Responses[0];
    if (!current || isFailure(current)) return { ok: true, value: ref };
    return { ok: true, value: { itemId, changeKey: current.Item.Id.ChangeKey } };
  } catch (err) {
    return { ok: false, itemId, error: ctx.normalize(err, mailbox, itemId) };
  }
}

/** DeleteItem never sends cancellations; an item already gone counts as deleted (retries are safe). */
export async function deleteItems(ctx: EwsContext, mailbox: string, itemIds: readonly string[], deleteType: DeleteType): Promise<ItemResult<{ itemId: string }>[]> {
  const out: ItemResult<{ itemId: string }>[] = [];
  for (const batch of ctx.batches(itemIds)) {
    const responses = await ctx.call(mailbox, (s) =>
      s.DeleteItems(batch.map((id) => new ItemId(id)), DELETE_MODES[deleteType], SendCancellationsMode.SendToNone, AffectedTaskOccurrence.AllOccurrences),
    );
    responses.Responses.forEach((response, i) => {
      const itemId = batch[i]!;
      if (!isFailure(response)) return out.push({ ok: true, value: { itemId } });
      const error = fromServiceResponse(response, { mailbox, itemId });
      out.push(error.code === 'EXCHANGE_ITEM_NOT_FOUND' ? { ok: true, value: { itemId } } : { ok: false, itemId, error });
    });
  }
  return out;
}

