import {
  BasePropertySet,
  ConflictResolutionMode,
  FolderId,
  Item,
  ItemId,
  ItemSchema,
  ItemView,
  PropertySet,
  SearchFilter,
  StringList,
} from 'ews-javascript-api';
import type { ExchangeRef } from '@connector/core';
import { ExchangeError } from '../errors/exchange.error.js';
import { fromServiceResponse, isFailure } from '../errors/fault-normalizer.js';
import type { EwsContext } from '../ews/ews-context.js';
import type { ItemMark, ItemMarks, ItemResult, MarkerProperty } from '../exchange.port.js';

const refOf = (item: Item): ExchangeRef => ({ itemId: item.Id.UniqueId, changeKey: item.Id.ChangeKey });

/** FindItem with IsEqualTo on ConnectorLinkId: how a retried create finds what the first try made. */
export async function findByLinkId(ctx: EwsContext, mailbox: string, folderId: string, linkId: string): Promise<ExchangeRef | undefined> {
  const view = new ItemView(2);
  view.PropertySet = new PropertySet(BasePropertySet.IdOnly);
  const found = await ctx.call(mailbox, (s) => s.FindItems(new FolderId(folderId), new SearchFilter.IsEqualTo(ctx.props.markers.linkId, linkId), view));
  const items = found.Items;
  if (items.length > 1) throw new ExchangeError('EXCHANGE_UNEXPECTED_RESPONSE', `${items.length} items carry link id ${linkId}`, { mailbox });
  return items[0] ? refOf(items[0]) : undefined;
}

/**
 * Marks are the connector's own annotations, so they overwrite whatever changed meanwhile: the item
 * is read (categories are added to, not replaced) and written back with AlwaysOverwrite.
 */
export async function markItem(ctx: EwsContext, mailbox: string, ref: ExchangeRef, mark: ItemMark): Promise<ExchangeRef> {
  const set = new PropertySet(BasePropertySet.IdOnly, [ItemSchema.Categories, ...ctx.props.markerDefinitions]);
  return ctx.call(mailbox, async (service) => {
    const item = await Item.Bind(service, new ItemId(ref.itemId), set);
    const categories = item.Categories?.GetEnumerator() ?? [];
    const added = (mark.addCategories ?? []).filter((c) => !categories.includes(c));
    if (added.length > 0) item.Categories = new StringList([...categories, ...added]);
    for (const [name, value] of Object.entries(mark.properties ?? {}) as [MarkerProperty, string | null][]) {
      const def = ctx.props.markers[name];
      if (value === null) item.RemoveExtendedProperty(def);
      else item.SetExtendedProperty(def, value);
    }
    if (!item.IsDirty) return refOf(item);
    await item.Update(ConflictResolutionMode.AlwaysOverwrite);
    return refOf(item);
  });
}

export async function readMarks(ctx: EwsContext, mailbox: string, itemIds: readonly string[]): Promise<ItemResult<ItemMarks>[]> {
  const set = new PropertySet(BasePropertySet.IdOnly, [ItemSchema.Categories, ...ctx.props.markerDefinitions]);
  const out: ItemResult<ItemMarks>[] = [];
  for (const batch of ctx.batches(itemIds)) {
    const responses = await ctx.call(mailbox, (s) => s.BindToItems(batch.map((id) => new ItemId(id)), set));
    responses.Responses.forEach((response, i) => {
      const itemId = batch[i]!;
      if (isFailure(response)) return out.push({ ok: false, itemId, error: fromServiceResponse(response, { mailbox, itemId }) });
      const item = response.Item;
      out.push({ ok: true, value: { ref: refOf(item), categories: item.Categories?.GetEnumerator() ?? [], markers: ctx.props.readMarkers(item) } });
    });
  }
  return out;
}

export async function moveItem(ctx: EwsContext, mailbox: string, itemId: string, folderId: string): Promise<ExchangeRef> {
  const responses = await ctx.call(mailbox, (s) => s.MoveItems([new ItemId(itemId)], new FolderId(folderId), true));
  const response = responses.Responses[0];
  if (!response) throw new ExchangeError('EXCHANGE_UNEXPECTED_RESPONSE', 'MoveItem answered nothing', { mailbox, itemId });
  if (isFailure(response)) throw fromServiceResponse(response, { mailbox, itemId });
  if (!response.Item) throw new ExchangeError('EXCHANGE_UNEXPECTED_RESPONSE', 'MoveItem returned no new item id', { mailbox, itemId });
  return refOf(response.Item);
}
