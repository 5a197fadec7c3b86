import type { DomainItem } from '@connector/core';
import type { TimeWindow } from '../compile-rules.js';
import { instantMs } from '../normalize.js';

const DAY_MS = 86_400_000;

/** The span an item's own date covers, in epoch ms; undefined for undated items (contacts, open tasks). */
export function itemSpan(item: DomainItem): { from: number; to: number } | undefined {
  switch (item.type) {
    case 'appointment': {
      const start = instantMs(item.start);
      if (start === undefined) return undefined;
      const range = item.recurrence?.range;
      if (!range) return { from: start, to: start };
      // A series counts while any of its occurrences may fall in the window; counted series are
      // treated as open-ended rather than expanded here.
      const end = range.kind === 'endDate' ? Date.parse(`${range.endDate}T23:59:59Z`) : Number.POSITIVE_INFINITY;
      return { from: start, to: Math.max(start, end) };
    }
    case 'task': {
      const date = instantMs(item.due ?? item.start);
      return date === undefined ? undefined : { from: date, to: date };
    }
    case 'email': {
      const date = instantMs(item.receivedAt ?? item.sentAt);
      return date === undefined ? undefined : { from: date, to: date };
    }
    case 'absence': {
      // A running or recent absence still matters: it is measured on its end.
      const end = instantMs(item.end);
      return end === undefined ? undefined : { from: end, to: end };
    }
    case 'contact':
      return undefined;
  }
}

/** Whether the item's own date lies within [now − pastDays, now + futureDays]; undated items always do. */
export function inWindow(item: DomainItem, window: TimeWindow, now: string): boolean {
  const span = itemSpan(item);
  if (!span) return true;
  const nowMs = Date.parse(now);
  return span.to >= nowMs - window.pastDays * DAY_MS && span.from <= nowMs + window.futureDays * DAY_MS;
}

/** Whether deleting this item still propagates: items older than the deletion window keep their history. */
export function inDeletionWindow(item: DomainItem | undefined, window: TimeWindow, now: string): boolean {
  const span = item ? itemSpan(item) : undefined;
  if (!span) return true;
  return span.to >= Date.parse(now) - window.deletionPastDays * DAY_MS;
}
