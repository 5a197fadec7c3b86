import type { Recurrence, Weekday } from '@connector/core';

const DAYS: Record<string, Weekday> = { MO: 'monday', TU: 'tuesday', WE: 'wednesday', TH: 'thursday', FR: 'friday', SA: 'saturday', SU: 'sunday' };
const CODES = Object.fromEntries(Object.entries(DAYS).map(([code, day]) => [day, code])) as Record<Weekday, string>;
const INDEX: Record<string, 'first' | 'second' | 'third' | 'fourth' | 'last'> = { '1': 'first', '2': 'second', '3': 'third', '4': 'fourth', '-1': 'last' };
const INDEX_CODES: Record<string, string> = { first: '1', second: '2', third: '3', fourth: '4', last: '-1' };

/** RFC 5545 RRULE (the CRM's recurrence) → the domain pattern and range; undefined when not expressible. */
export function recurrenceFromRrule(rrule: string, startDate: string): Recurrence | undefined {
  const p = Object.fromEntries(rrule.split(';').map((part) => part.split('=') as [string, string]));
  const interval = Number(p.INTERVAL ?? '1');
  const byDay = (p.BYDAY ?? '').split(',').filter(Boolean).map((d) => /^([+-]?\d)?([A-Z]{2})$/.exec(d));
  const days = byDay.flatMap((m) => (m && DAYS[m[2]!] ? [DAYS[m[2]!]!] : []));
  const weekIndex = INDEX[byDay[0]?.[1]?.replace('+', '') ?? (p.BYSETPOS ?? '')];
  const dayOfMonth = Number(p.BYMONTHDAY ?? startDate.slice(8, 10));
  const month = Number(p.BYMONTH ?? startDate.slice(5, 7));
  let pattern: Recurrence['pattern'] | undefined;
  if (p.FREQ === 'DAILY') pattern = { kind: 'daily', interval };
  else if (p.FREQ === 'WEEKLY') pattern = { kind: 'weekly', interval, daysOfWeek: days.length > 0 ? days : [weekdayOf(startDate)], firstDayOfWeek: DAYS[p.WKST ?? 'MO'] ?? 'monday' };
  else if (p.FREQ === 'MONTHLY') pattern = weekIndex && days.length > 0 ? { kind: 'relativeMonthly', interval, daysOfWeek: days, weekIndex } : { kind: 'absoluteMonthly', interval, dayOfMonth };
  else if (p.FREQ === 'YEARLY') pattern = weekIndex && days.length > 0 ? { kind: 'relativeYearly', month, daysOfWeek: days, weekIndex } : { kind: 'absoluteYearly', month, dayOfMonth };
  if (!pattern) return undefined;
  const until = p.UNTIL ? `${p.UNTIL.slice(0, 4)}-${p.UNTIL.slice(4, 6)}-${p.UNTIL.slice(6, 8)}` : undefined;
  const range: Recurrence['range'] = p.COUNT
    ? { kind: 'numbered', startDate, count: Number(p.COUNT) }
    : until
      ? { kind: 'endDate', startDate, endDate: until }
      : { kind: 'noEnd', startDate };
  return { pattern, range };
}

/** The domain recurrence as an RRULE for the CRM. */
export function rruleFromRecurrence(r: Recurrence): string {
  const parts = [`FREQ=${{ daily: 'DAILY', weekly: 'WEEKLY', absoluteMonthly: 'MONTHLY', relativeMonthly: 'MONTHLY', absoluteYearly: 'YEARLY', relativeYearly: 'YEARLY' }[r.pattern.kind]}`];
  const p = r.pattern;
  if ('interval' in p && p.interval !== 1) parts.push(`INTERVAL=${p.interval}`);
  if (p.kind === 'weekly') parts.push(`BYDAY=${p.daysOfWeek.map((d) => CODES[d]).join(',')}`, `WKST=${CODES[p.firstDayOfWeek]}`);
  if (p.kind === 'relativeMonthly' || p.kind === 'relativeYearly') parts.push(`BYDAY=${p.daysOfWeek.map((d) => INDEX_CODES[p.weekIndex] + CODES[d]).join(',')}`);
  if (p.kind === 'absoluteMonthly' || p.kind === 'absoluteYearly') parts.push(`BYMONTHDAY=${p.dayOfMonth}`);
  if (p.kind === 'absoluteYearly' || p.kind === 'relativeYearly') parts.push(`BYMONTH=${p.month}`);
  if (r.range.kind === 'numbered') parts.push(`COUNT=${r.range.count}`);
  if (r.range.kind === 'endDate') parts.push(`UNTIL=${r.range.endDate.replace(/-/g, '')}T235959Z`);
  return parts.join(';');
}

function weekdayOf(date: string): Weekday {
  return (['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const)[new Date(`${date}T00:00:00Z`).getUTCDay()]!;
}
