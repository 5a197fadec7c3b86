import { BasePropertySet, BodyType, ItemId, PropertySet, type Item } from 'ews-javascript-api';
import { domainItemSchema, type DomainItemOf, type ObjectType } from '@connector/core';
import { ExchangeError } from '../errors/exchange.error.js';
import { fromServiceResponse, isFailure } from '../errors/fault-normalizer.js';
import type { EwsContext } from '../ews/ews-context.js';
import type { FetchedItem, ItemResult } from '../exchange.port.js';
import { mapperFor } from '../mapping/mappers.js';
import type { MapperContext } from '../mapping/type-mapper.js';
import { enrichOccurrences } from './occurrences.js';

function propertySetFor(type: ObjectType, mctx: MapperContext): PropertySet {
  const set = new PropertySet(BasePropertySet.IdOnly, mapperFor(type).properties(mctx));
  if (type === 'email') set.RequestedBodyType = BodyType.HTML;
  else set.RequestedBodyType = BodyType.Text;
  return set;
}

/** Batched GetItem; each answer is mapped and checked against the domain schema on its own. */
export async function getItems<T extends ObjectType>(ctx: EwsContext, mailbox: string, type: T, itemIds: readonly string[]): Promise<ItemResult<FetchedItem<T>>[]> {
  const mctx: MapperContext = { props: ctx.props, mailbox };
  const mapper = mapperFor(type);
  const set = propertySetFor(type, mctx);
  const out: ItemResult<FetchedItem<T>>[] = [];
  for (const batch of ctx.batches(itemIds)) {
    const responses = await ctx.call(mailbox, (s) => s.BindToItems(batch.map((id) => new ItemId(id)), set));
    const loaded: { index: number; item: Item }[] = [];
    responses.Responses.forEach((response, i) => {
      const itemId = batch[i]!;
      if (isFailure(response)) out.push({ ok: false, itemId, error: fromServiceResponse(response, { mailbox, itemId }) });
      else {
        loaded.push({ index: out.length, item: response.Item });
        out.push({ ok: false, itemId, error: new ExchangeError('EXCHANGE_UNEXPECTED_RESPONSE', 'not mapped yet') });
      }
    });
    const overrides = type === 'appointment' ? await ctx.call(mailbox, (s) => enrichOccurrences(s, loaded.map((l) => l.item))) : undefined;
    for (const { index, item } of loaded) {
      const itemId = item.Id.UniqueId;
      try {
        const raw = mapper.fromEws(item, mctx) as DomainItemOf<T> & { modifiedOccurrences?: unknown };
        if (overrides) raw.modifiedOccurrences = overrides.get(itemId) ?? raw.modifiedOccurrences;
        const parsed = domainItemSchema.safeParse(raw);
        if (!parsed.success) throw new ExchangeError('EXCHANGE_UNEXPECTED_RESPONSE', `item does not fit the ${type} model: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, { mailbox, itemId });
        const value: FetchedItem<T> = { ref: { itemId, changeKey: item.Id.ChangeKey }, item: parsed.data as DomainItemOf<T>, markers: ctx.props.readMarkers(item) };
        if (type === 'appointment' || type === 'absence') value.calendarKind = ctx.props.read(item, ctx.props.absenceKind) ? 'absence' : 'appointment';
        out[index] = { ok: true, value };
      } catch (err) {
        out[index] = { ok: false, itemId, error: ctx.normalize(err, mailbox, itemId) };
      }
    }
  }
  return out;
}

