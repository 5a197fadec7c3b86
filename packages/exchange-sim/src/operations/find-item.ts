import type { Item } from '../store/model.js';
import { child, childrenNamed, type XNode } from '../xml/xml-node.js';
import { el } from '../xml/xml-write.js';
import { ewsError } from '../soap/ews-error.js';
import { renderOperationResponse } from '../soap/envelope.js';
import { successMessage } from '../soap/response-message.js';
import { parseShape } from '../items/shape.js';
import { renderItem } from '../items/item-xml.js';
import { normalizeDateTime } from '../items/codecs.js';
import { occurrenceItem, seriesOccurrences } from '../calendar/series.js';
import { perElement, resolveFolder, type OpContext } from './context.js';
import { compileRestriction, getter } from './restriction.js';

/** Exchange's default EWSFindCountLimit: no FindItem page holds more, whatever was asked. */
export const FIND_COUNT_LIMIT = 1000;

function sorter(req: XNode): ((a: Item, b: Item) => number) | undefined {
  const orders = childrenNamed(child(req, 'SortOrder'), 'FieldOrder');
  if (orders.length === 0) return undefined;
  const keys = orders.map((o) => ({ get: getter(o.children[0]!).get, sign: o.attrs.Order === 'Descending' ? -1 : 1 }));
  return (a, b) => {
    for (const { get, sign } of keys) {
      const x = get(a);
      const y = get(b);
      if (x === y) continue;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      return (x < y ? -1 : 1) * sign;
    }
    return 0;
  };
}

/** Singles and occurrences overlapping [start, end), by start time, as Exchange's CalendarView. */
function calendarView(items: Item[], view: XNode): Item[] {
  const start = Date.parse(normalizeDateTime(view.attrs.StartDate ?? ''));
  const end = Date.parse(normalizeDateTime(view.attrs.EndDate ?? ''));
  if (!(end > start)) throw ewsError('ErrorInvalidRequest', 'CalendarView EndDate must be after StartDate.');
  const out: Item[] = [];
  for (const item of items) {
    if (item.kind !== 'calendar') continue;
    if (!item.fields.Recurrence) {
      if (Date.parse(String(item.fields.Start)) < end && Date.parse(String(item.fields.End)) > start) out.push(item);
      continue;
    }
    for (const occ of seriesOccurrences(item, end)) {
      if (Date.parse(occ.start) < end && Date.parse(occ.end) > start) out.push(occurrenceItem(item, occ));
    }
  }
  return out.sort((a, b) => Date.parse(String(a.fields.Start)) - Date.parse(String(b.fields.Start)));
}

export function findItem(req: XNode, ctx: OpContext): string {
  const shape = parseShape(child(req, 'ItemShape'));
  const traversal = req.attrs.Traversal ?? 'Shallow';
  const restriction = child(req, 'Restriction')?.children[0];
  const predicate = restriction ? compileRestriction(restriction) : undefined;
  const sort = sorter(req);
  const calendar = child(req, 'CalendarView');
  const paging = child(req, 'IndexedPageItemView');
  const messages = (child(req, 'ParentFolderIds')?.children ?? []).map((node) =>
    perElement('FindItemResponseMessage', '', () => {
      const folder = resolveFolder(ctx, node);
      let items = traversal === 'Shallow' ? ctx.store.itemsIn(folder.id) : [];
      if (calendar) items = calendarView(items, calendar);
      if (predicate) items = items.filter(predicate);
      if (sort) items = [...items].sort(sort);
      const total = items.length;
      const max = Math.min(Number((paging ?? calendar)?.attrs.MaxEntriesReturned ?? total), FIND_COUNT_LIMIT);
      const offset = Number(paging?.attrs.Offset ?? 0);
      const fromEnd = paging?.attrs.BasePoint === 'End';
      const start = fromEnd ? Math.max(0, total - offset - max) : Math.min(offset, total);
      const page = items.slice(start, Math.min(total, start + max));
      const last = fromEnd ? start === 0 : start + page.length >= total;
      const attrs = calendar
        ? { TotalItemsInView: total, IncludesLastItemInRange: last }
        : { IndexedPagingOffset: fromEnd ? total - start - page.length : start + page.length, TotalItemsInView: total, IncludesLastItemInRange: last };
      const rendered = page.map((i) => renderItem(i, shape, ctx.render, { forFind: true })).join('');
      return successMessage('FindItemResponseMessage', el('m:RootFolder', attrs, el('t:Items', undefined, rendered)));
    }),
  );
  return renderOperationResponse('FindItem', messages.join(''));
}
