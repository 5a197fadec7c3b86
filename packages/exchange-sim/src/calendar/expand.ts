import type { Recurrence } from './recurrence.js';
import { ianaFor, localToUtc, utcToLocal } from './timezones.js';

const DAY = 86_400_000;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const INDEX = { First: 1, Second: 2, Third: 3, Fourth: 4, Last: -1 } as Record<string, number>;
const MAX_OCCURRENCES = 20_000;

export interface Occurrence {
  /** 1-based InstanceIndex within the series (deleted occurrences keep their number). */
  index: number;
  originalStart: number;
  start: number;
  end: number;
}

/** Weekday names a pattern day stands for ("Weekday" and "Day" are EWS shorthands). */
function dayNumbers(names: string[] | undefined): number[] {
  const out = new Set<number>();
  for (const name of names ?? []) {
    if (name === 'Day') [0, 1, 2, 3, 4, 5, 6].forEach((d) => out.add(d));
    else if (name === 'Weekday') [1, 2, 3, 4, 5].forEach((d) => out.add(d));
    else if (name === 'WeekendDay') [0, 6].forEach((d) => out.add(d));
    else if (WEEKDAYS.includes(name)) out.add(WEEKDAYS.indexOf(name));
  }
  return [...out].sort((a, b) => a - b);
}

function nthWeekdayOfMonth(year: number, month: number, days: number[], index: number): number | undefined {
  const matches: number[] = [];
  for (let d = 1; d <= 31; d++) {
    const date = Date.UTC(year, month, d);
    if (new Date(date).getUTCMonth() !== month) break;
    if (days.includes(new Date(date).getUTCDay())) matches.push(date);
  }
  return index === -1 ? matches.at(-1) : matches[index - 1];
}

function clampedDay(year: number, month: number, day: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(day, last));
}

/** Local dates (UTC midnights of local calendar days) of a pattern, from the range start on. */
function* localDates(rec: Recurrence): Generator<number> {
  const p = rec.pattern;
  const start = Date.parse(`${rec.range.startDate}T00:00:00Z`);
  const interval = Math.max(1, p.interval ?? 1);
  const first = new Date(start);
  if (p.type === 'Daily') {
    for (let d = start; ; d += interval * DAY) yield d;
  }
  if (p.type === 'Weekly') {
    const days = dayNumbers(p.daysOfWeek);
    const firstDay = WEEKDAYS.indexOf(p.firstDayOfWeek ?? 'Sunday');
    const weekStart = start - (((first.getUTCDay() - firstDay + 7) % 7) * DAY);
    const order = days.map((d) => (d - firstDay + 7) % 7).sort((a, b) => a - b);
    for (let w = weekStart; ; w += interval * 7 * DAY) {
      for (const offset of order) if (w + offset * DAY >= start) yield w + offset * DAY;
    }
  }
  for (let k = 0; ; k++) {
    const monthStep = p.type.endsWith('Yearly') ? 12 : interval;
    const total = (p.type.endsWith('Yearly') ? first.getUTCFullYear() * 12 + MONTHS.indexOf(p.month ?? 'January')
      : first.getUTCFullYear() * 12 + first.getUTCMonth()) + k * monthStep;
    const year = Math.floor(total / 12);
    const month = total % 12;
    const date = p.type.startsWith('Absolute')
      ? clampedDay(year, month, p.dayOfMonth ?? 1)
      : nthWeekdayOfMonth(year, month, dayNumbers(p.daysOfWeek), INDEX[p.dayOfWeekIndex ?? 'First'] ?? 1);
    if (date !== undefined && date >= start) yield date;
    if (k > MAX_OCCURRENCES) return;
  }
}

/**
 * The occurrences of a series, keeping the master's wall-clock time in its own time zone
 * (so a 10:00 Berlin meeting stays at 10:00 across the DST change), up to `until`.
 */
export function expandSeries(
  rec: Recurrence,
  masterStart: string,
  masterEnd: string,
  timeZoneId: string | undefined,
  until: number,
  limit = MAX_OCCURRENCES,
): Occurrence[] {
  const zone = ianaFor(timeZoneId);
  const startMs = Date.parse(masterStart);
  const duration = Date.parse(masterEnd) - startMs;
  const localStart = utcToLocal(startMs, zone);
  const timeOfDay = localStart - Math.floor(localStart / DAY) * DAY;
  const endDate = rec.range.type === 'EndDate' ? Date.parse(`${rec.range.endDate}T00:00:00Z`) : Infinity;
  const count = rec.range.type === 'Numbered' ? (rec.range.count ?? 1) : Infinity;
  const out: Occurrence[] = [];
  let index = 0;
  for (const date of localDates(rec)) {
    if (date > endDate || index >= count || index >= limit) break;
    const start = localToUtc(date + timeOfDay, zone);
    if (start > until) break;
    index++;
    out.push({ index, originalStart: start, start, end: start + duration });
  }
  return out;
}
