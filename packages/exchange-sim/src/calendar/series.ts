import type { Item } from '../store/model.js';
import { expandSeries } from './expand.js';
import { occurrenceId } from './occurrence-ids.js';
import type { Recurrence } from './recurrence.js';

export interface SeriesOccurrence {
  index: number;
  originalStart: string;
  start: string;
  end: string;
  isException: boolean;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Occurrences of a recurring master up to `until`, with modified ones moved and deleted ones left out. */
export function seriesOccurrences(master: Item, until = Number.POSITIVE_INFINITY): SeriesOccurrence[] {
  const rec = master.fields.Recurrence as Recurrence | undefined;
  if (!rec) return [];
  const tz = (master.fields.StartTimeZone as { id: string } | undefined)?.id;
  const raw = expandSeries(rec, String(master.fields.Start), String(master.fields.End), tz, until);
  const deleted = new Set(master.deletedOccurrences ?? []);
  const exceptions = new Map((master.exceptions ?? []).map((e) => [e.originalStart, e]));
  const out: SeriesOccurrence[] = [];
  for (const o of raw) {
    const originalStart = iso(o.originalStart);
    if (deleted.has(originalStart)) continue;
    const ex = exceptions.get(originalStart);
    out.push({
      index: o.index,
      originalStart,
      start: ex?.start ?? iso(o.start),
      end: ex?.end ?? iso(o.end),
      isException: ex !== undefined,
    });
  }
  return out;
}

/** The occurrence with InstanceIndex `index` ('deleted' if it was), found without expanding an unbounded series. */
export function occurrenceByIndex(master: Item, index: number): SeriesOccurrence | 'deleted' | undefined {
  const rec = master.fields.Recurrence as Recurrence | undefined;
  if (!rec || index < 1) return undefined;
  const tz = (master.fields.StartTimeZone as { id: string } | undefined)?.id;
  const raw = expandSeries(rec, String(master.fields.Start), String(master.fields.End), tz, Number.POSITIVE_INFINITY, index);
  const found = raw[index - 1];
  if (!found) return undefined;
  return seriesOccurrences(master, found.originalStart).find((o) => o.index === index) ?? 'deleted';
}

/** An occurrence rendered like an item: the master's fields with the occurrence's own on top. */
export function occurrenceItem(master: Item, occ: SeriesOccurrence): Item {
  const ex = master.exceptions?.find((e) => e.originalStart === occ.originalStart);
  const fields: Record<string, unknown> = { ...master.fields, ...(ex?.fields ?? {}), Start: occ.start, End: occ.end };
  delete fields.Recurrence;
  fields.OriginalStart = occ.originalStart;
  fields.CalendarItemType = occ.isException ? 'Exception' : 'Occurrence';
  return { ...master, id: occurrenceId(master.id, occ.index), fields, exceptions: undefined, deletedOccurrences: undefined };
}
