import type { DayOfTheWeekIndex} from 'ews-javascript-api';
import { DayOfTheWeek, Recurrence as EwsRecurrence, type Month } from 'ews-javascript-api';
import type { Recurrence, RecurrencePattern, RecurrenceRange, Weekday } from '@connector/core';
import { ExchangeError } from '../errors/exchange.error.js';
import { dateToEws, ewsToDate } from './ews-values.js';

const WEEKDAYS: readonly Weekday[] = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const INDEX: readonly ('first' | 'second' | 'third' | 'fourth' | 'last')[] = ['first', 'second', 'third', 'fourth', 'last'];
const WORKDAYS: readonly Weekday[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
const WEEKEND: readonly Weekday[] = ['saturday', 'sunday'];

const dayToEws = (day: Weekday): DayOfTheWeek => WEEKDAYS.indexOf(day) as DayOfTheWeek;
const dayFromEws = (day: DayOfTheWeek): Weekday => {
  const name = WEEKDAYS[day];
  if (!name) throw new ExchangeError('EXCHANGE_UNEXPECTED_RESPONSE', `unexpected day of week ${day} in a recurrence`);
  return name;
};

const sameSet = (a: readonly Weekday[], b: readonly Weekday[]) => a.length === b.length && a.every((d) => b.includes(d));

/** EWS relative patterns take one DaysOfWeek value: a day, or Day / Weekday / WeekendDay for the sets. */
export function daysToRelative(days: readonly Weekday[]): DayOfTheWeek {
  if (days.length === 1) return dayToEws(days[0]!);
  if (sameSet(days, WEEKDAYS)) return DayOfTheWeek.Day;
  if (sameSet(days, WORKDAYS)) return DayOfTheWeek.Weekday;
  if (sameSet(days, WEEKEND)) return DayOfTheWeek.WeekendDay;
  throw new ExchangeError('EXCHANGE_BAD_INPUT', `Exchange cannot express a relative recurrence on ${days.join('+')}`);
}

export function relativeToDays(day: DayOfTheWeek): Weekday[] {
  if (day === DayOfTheWeek.Day) return [...WEEKDAYS];
  if (day === DayOfTheWeek.Weekday) return [...WORKDAYS];
  if (day === DayOfTheWeek.WeekendDay) return [...WEEKEND];
  return [dayFromEws(day)];
}

/** The domain recurrence as the library's pattern object with its range set. */
export function recurrenceToEws(recurrence: Recurrence): EwsRecurrence {
  const start = dateToEws(recurrence.range.startDate);
  const p = recurrence.pattern;
  let out: EwsRecurrence;
  switch (p.kind) {
    case 'daily':
      out = new EwsRecurrence.DailyPattern();
      (out as InstanceType<typeof EwsRecurrence.DailyPattern>).Interval = p.interval;
      break;
    case 'weekly': {
      const weekly = new EwsRecurrence.WeeklyPattern();
      weekly.Interval = p.interval;
      weekly.DaysOfTheWeek.AddRange(p.daysOfWeek.map(dayToEws));
      weekly.FirstDayOfWeek = WEEKDAYS.indexOf(p.firstDayOfWeek) as never;
      out = weekly;
      break;
    }
    case 'absoluteMonthly': {
      const monthly = new EwsRecurrence.MonthlyPattern();
      monthly.Interval = p.interval;
      monthly.DayOfMonth = p.dayOfMonth;
      out = monthly;
      break;
    }
    case 'relativeMonthly': {
      const rel = new EwsRecurrence.RelativeMonthlyPattern();
      rel.Interval = p.interval;
      rel.DayOfTheWeek = daysToRelative(p.daysOfWeek);
      rel.DayOfTheWeekIndex = INDEX.indexOf(p.weekIndex) as DayOfTheWeekIndex;
      out = rel;
      break;
    }
    case 'absoluteYearly': {
      const yearly = new EwsRecurrence.YearlyPattern();
      yearly.Month = p.month as Month;
      yearly.DayOfMonth = p.dayOfMonth;
      out = yearly;
      break;
    }
    case 'relativeYearly': {
      const rel = new EwsRecurrence.RelativeYearlyPattern();
      rel.Month = p.month as Month;
      rel.DayOfTheWeek = daysToRelative(p.daysOfWeek);
      rel.DayOfTheWeekIndex = INDEX.indexOf(p.weekIndex) as DayOfTheWeekIndex;
      out = rel;
      break;
    }
  }
  out.StartDate = start;
  applyRange(out, recurrence.range);
  return out;
}

function applyRange(out: EwsRecurrence, range: RecurrenceRange): void {
  if (range.kind === 'numbered') out.NumberOfOccurrences = range.count;
  else if (range.kind === 'endDate') out.EndDate = dateToEws(range.endDate);
  else out.NeverEnds();
}

export function recurrenceFromEws(r: EwsRecurrence): Recurrence {
  return { pattern: patternFromEws(r), range: rangeFromEws(r) };
}

/** The library hands some numbers over as the strings it parsed, hence the Number() calls. */
function patternFromEws(r: EwsRecurrence): RecurrencePattern {
  if (r instanceof EwsRecurrence.WeeklyPattern) {
    return { kind: 'weekly', interval: Number(r.Interval), daysOfWeek: r.DaysOfTheWeek.GetEnumerator().map(dayFromEws), firstDayOfWeek: WEEKDAYS[(r.FirstDayOfWeek as number | undefined) ?? 1] ?? 'monday' };
  }
  if (r instanceof EwsRecurrence.RelativeMonthlyPattern) {
    return { kind: 'relativeMonthly', interval: Number(r.Interval), daysOfWeek: relativeToDays(r.DayOfTheWeek), weekIndex: INDEX[r.DayOfTheWeekIndex] ?? 'first' };
  }
  if (r instanceof EwsRecurrence.MonthlyPattern) return { kind: 'absoluteMonthly', interval: Number(r.Interval), dayOfMonth: Number(r.DayOfMonth) };
  if (r instanceof EwsRecurrence.RelativeYearlyPattern) {
    return { kind: 'relativeYearly', month: Number(r.Month), daysOfWeek: relativeToDays(r.DayOfTheWeek), weekIndex: INDEX[r.DayOfTheWeekIndex] ?? 'first' };
  }
  if (r instanceof EwsRecurrence.YearlyPattern) return { kind: 'absoluteYearly', month: Number(r.Month), dayOfMonth: Number(r.DayOfMonth) };
  if (r instanceof EwsRecurrence.DailyPattern) return { kind: 'daily', interval: Number(r.Interval) };
  throw new ExchangeError('EXCHANGE_UNEXPECTED_RESPONSE', `unsupported recurrence pattern ${r.constructor.name} (regeneration patterns are task-only)`);
}

function rangeFromEws(r: EwsRecurrence): RecurrenceRange {
  const startDate = ewsToDate(r.StartDate);
  if (!r.HasEnd) return { kind: 'noEnd', startDate };
  if (r.NumberOfOccurrences) return { kind: 'numbered', startDate, count: Number(r.NumberOfOccurrences) };
  return { kind: 'endDate', startDate, endDate: ewsToDate(r.EndDate) };
}
