import type { Item } from '../store/model.js';
import type { XNode } from '../xml/xml-node.js';
import { ewsError } from '../soap/ews-error.js';
import { occurrenceByIndex, occurrenceItem, type SeriesOccurrence } from '../calendar/series.js';
import { parseOccurrenceId } from '../calendar/occurrence-ids.js';
import { resolveItem, type OpContext } from './context.js';

export interface ResolvedItem {
  /** What to render: the stored item, or a virtual occurrence. */
  item: Item;
  /** The stored item (the master, for an occurrence). */
  stored: Item;
  occurrence?: SeriesOccurrence;
}

function occurrenceOf(ctx: OpContext, masterId: string | undefined, index: number): ResolvedItem {
  const master = resolveItem(ctx, masterId);
  if (!master.fields.Recurrence) throw ewsError('ErrorItemNotFound', 'The item is not a recurring master.');
  const occurrence = occurrenceByIndex(master, index);
  if (occurrence === 'deleted') throw ewsError('ErrorCalendarOccurrenceIsDeletedFromRecurrence');
  if (!occurrence) throw ewsError('ErrorCalendarOccurrenceIndexIsOutOfRecurrenceRange');
  return { item: occurrenceItem(master, occurrence), stored: master, occurrence };
}

/** t:ItemId (also an occurrence's id), t:OccurrenceItemId or t:RecurringMasterItemId. */
export function resolveItemNode(ctx: OpContext, node: XNode): ResolvedItem {
  if (node.local === 'OccurrenceItemId') {
    return occurrenceOf(ctx, node.attrs.RecurringMasterId, Number(node.attrs.InstanceIndex));
  }
  if (node.local === 'RecurringMasterItemId') {
    const occ = parseOccurrenceId(node.attrs.OccurrenceId ?? '');
    const master = resolveItem(ctx, occ?.masterId ?? node.attrs.OccurrenceId);
    return { item: master, stored: master };
  }
  if (node.local !== 'ItemId') throw ewsError('ErrorSchemaValidation', `${node.local} is not an item id.`, true);
  const id = node.attrs.Id;
  const occ = id && !ctx.store.items.has(id) ? parseOccurrenceId(id) : undefined;
  if (occ) return occurrenceOf(ctx, occ.masterId, occ.index);
  const item = resolveItem(ctx, id);
  return { item, stored: item };
}
