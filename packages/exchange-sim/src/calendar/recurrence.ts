import { child, childText, type XNode } from '../xml/xml-node.js';
import { el, textEl } from '../xml/xml-write.js';
import { ewsError } from '../soap/ews-error.js';
import type { Codec } from '../items/codecs.js';

export type PatternType = 'Daily' | 'Weekly' | 'AbsoluteMonthly' | 'RelativeMonthly' | 'AbsoluteYearly' | 'RelativeYearly';

export interface Recurrence {
  pattern: {
    type: PatternType;
    interval?: number;
    daysOfWeek?: string[];
    dayOfMonth?: number;
    dayOfWeekIndex?: string;
    month?: string;
    firstDayOfWeek?: string;
  };
  range: { type: 'NoEnd' | 'EndDate' | 'Numbered'; startDate: string; endDate?: string; count?: number };
}

const PATTERNS: PatternType[] = ['RelativeYearly', 'AbsoluteYearly', 'RelativeMonthly', 'AbsoluteMonthly', 'Weekly', 'Daily'];
const RANGES = { NoEndRecurrence: 'NoEnd', EndDateRecurrence: 'EndDate', NumberedRecurrence: 'Numbered' } as const;

/** xs:date may carry a zone suffix ("2024-03-04+01:00"); the date part is what counts. */
function datePart(value: string | undefined): string {
  const match = /^\d{4}-\d{2}-\d{2}/.exec(value?.trim() ?? '');
  if (!match) throw ewsError('ErrorSchemaValidation', `'${value}' is not a valid date.`, true);
  return match[0];
}

function parse(node: XNode): Recurrence {
  const patternType = PATTERNS.find((p) => child(node, `${p}Recurrence`));
  const rangeName = (Object.keys(RANGES) as (keyof typeof RANGES)[]).find((r) => child(node, r));
  if (!patternType || !rangeName) throw ewsError('ErrorSchemaValidation', 'Recurrence needs a pattern and a range.', true);
  const p = child(node, `${patternType}Recurrence`)!;
  const r = child(node, rangeName)!;
  const num = (name: string) => (childText(p, name) !== undefined ? Number(childText(p, name)) : undefined);
  const days = childText(p, 'DaysOfWeek');
  const pattern: Recurrence['pattern'] = { type: patternType };
  if (num('Interval') !== undefined) pattern.interval = num('Interval');
  if (days) pattern.daysOfWeek = days.trim().split(/\s+/);
  if (num('DayOfMonth') !== undefined) pattern.dayOfMonth = num('DayOfMonth');
  if (childText(p, 'DayOfWeekIndex')) pattern.dayOfWeekIndex = childText(p, 'DayOfWeekIndex')!.trim();
  if (childText(p, 'Month')) pattern.month = childText(p, 'Month')!.trim();
  if (childText(p, 'FirstDayOfWeek')) pattern.firstDayOfWeek = childText(p, 'FirstDayOfWeek')!.trim();
  const range: Recurrence['range'] = { type: RANGES[rangeName], startDate: datePart(childText(r, 'StartDate')) };
  if (range.type === 'EndDate') range.endDate = datePart(childText(r, 'EndDate'));
  if (range.type === 'Numbered') range.count = Number(childText(r, 'NumberOfOccurrences'));
  return { pattern, range };
}

function render(name: string, value: unknown): string {
  const { pattern: p, range: r } = value as Recurrence;
  let pattern = '';
  if (p.interval !== undefined && !p.type.endsWith('Yearly')) pattern += textEl('t:Interval', p.interval);
  if (p.type === 'Weekly') {
    pattern += textEl('t:DaysOfWeek', (p.daysOfWeek ?? []).join(' '));
    // Exchange always answers with the week start of a weekly pattern (Sunday unless set).
    pattern += textEl('t:FirstDayOfWeek', p.firstDayOfWeek ?? 'Sunday');
  }
  if (p.type === 'RelativeMonthly' || p.type === 'RelativeYearly') {
    pattern += textEl('t:DaysOfWeek', (p.daysOfWeek ?? [])[0] ?? 'Monday') + textEl('t:DayOfWeekIndex', p.dayOfWeekIndex ?? 'First');
  }
  if (p.type === 'AbsoluteMonthly' || p.type === 'AbsoluteYearly') pattern += textEl('t:DayOfMonth', p.dayOfMonth ?? 1);
  if (p.type.endsWith('Yearly')) pattern += textEl('t:Month', p.month ?? 'January');
  let range = textEl('t:StartDate', r.startDate);
  if (r.type === 'EndDate') range += textEl('t:EndDate', r.endDate ?? r.startDate);
  if (r.type === 'Numbered') range += textEl('t:NumberOfOccurrences', r.count ?? 1);
  const rangeName = `${r.type === 'NoEnd' ? 'NoEnd' : r.type}Recurrence`;
  return el(`t:${name}`, undefined, el(`t:${p.type}Recurrence`, undefined, pattern) + el(`t:${rangeName}`, undefined, range));
}

export const recurrenceCodec: Codec = { parse, render };
