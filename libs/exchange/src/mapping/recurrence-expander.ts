import type { Recurrence, Weekday } from '@connector/core';

const WEEKDAYS: readonly Weekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAY_MS = 86_400_000;

const toDay = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
const toDate = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);
const weekdayOf = (day: number) => new Date(day * DAY_MS).getUTCDay();
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The day numbers (days since epoch) in month m (1-12) of year y matching weekIndex among `days`. */
function relativeDay(y: number, m: number, days: readonly Weekday[], weekIndex: string): number | undefined {
  const wanted = new Set(days.map((d) => WEEKDAYS.indexOf(d)));
  const first = toDay(`${y}-${String(m).padStart(2, '0')}-01`);
  const matches: number[] = [];
  for (let d = 0; d < daysInMonth(y, m); d += 1) if (wanted.has(weekdayOf(first + d))) matches.push(first + d);
  if (weekIndex === 'last') return matches.at(-1);
  return matches[['first', 'second', 'third', 'fourth'].indexOf(weekIndex)];
}

function absoluteDay(y: number, m: number, dayOfMonth: number): number {
  return toDay(`${y}-${String(m).padStart(2, '0')}-01`) + Math.min(dayOfMonth, daysInMonth(y, m)) - 1;
}

/**
 * The local dates (YYYY-MM-DD) of a series' occurrences, in order, as Exchange computes them:
 * from the range's start date, at most `limit` of them, stopping at the range's end.
 */
export function expandRecurrence(recurrence: Recurrence, limit = 1000): string[] {
  const { pattern: p, range } = recurrence;
  const start = toDay(range.startDate);
  const end = range.kind === 'endDate' ? toDay(range.endDate) : Number.POSITIVE_INFINITY;
  const max = Math.min(limit, range.kind === 'numbered' ? range.count : limit);
  const out: string[] = [];
  const push = (day: number | undefined): boolean => {
    if (day === undefined || day < start) return true;
    if (day > end || out.length >= max) return false;
    out.push(toDate(day));
    return out.length < max;
  };
  const [y0, m0] = range.startDate.split('-').map(Number) as [number, number];
  // Bounded: every branch advances at least one day/week/month/year per step.
  for (let step = 0; step < 100_000; step += 1) {
    let more = true;
    if (p.kind === 'daily') more = push(start + step * p.interval);
    else if (p.kind === 'weekly') {
      const firstDow = WEEKDAYS.indexOf(p.firstDayOfWeek);
      const weekStart = start - ((weekdayOf(start) - firstDow + 7) % 7) + step * 7 * p.interval;
      const offsets = p.daysOfWeek.map((d) => (WEEKDAYS.indexOf(d) - firstDow + 7) % 7).sort((a, b) => a - b);
      for (const off of offsets) if (!(more = push(weekStart + off))) break;
    } else {
      const months = p.kind === 'absoluteMonthly' || p.kind === 'relativeMonthly' ? step * p.interval : step * 12;
      const baseMonth = p.kind === 'absoluteYearly' || p.kind === 'relativeYearly' ? p.month : m0;
      const total = y0 * 12 + (baseMonth - 1) + months;
      const y = Math.floor(total / 12);
      const m = (total % 12) + 1;
      const day =
        p.kind === 'absoluteMonthly' || p.kind === 'absoluteYearly' ? absoluteDay(y, m, p.dayOfMonth) : relativeDay(y, m, p.daysOfWeek, p.weekIndex);
      more = push(day);
    }
    if (!more) break;
  }
  return out;
}

/** 1-based index of the occurrence falling on `date` (a local date), or undefined if none does. */
export function occurrenceIndex(recurrence: Recurrence, date: string): number | undefined {
  const dates = expandRecurrence(recurrence, 5000);
  const i = dates.indexOf(date);
  return i < 0 ? undefined : i + 1;
}
