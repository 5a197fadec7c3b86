import { z } from 'zod';
import { dateSchema } from './common.schema.js';

export const weekdaySchema = z.enum(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
export type Weekday = z.infer<typeof weekdaySchema>;
export const weekIndexSchema = z.enum(['first', 'second', 'third', 'fourth', 'last']);
const interval = z.number().int().min(1).max(999);
const month = z.number().int().min(1).max(12);
const dayOfMonth = z.number().int().min(1).max(31);

export const recurrencePatternSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('daily'), interval }),
  z.object({
    kind: z.literal('weekly'),
    interval,
    daysOfWeek: z.array(weekdaySchema).min(1),
    firstDayOfWeek: weekdaySchema.default('monday'),
  }),
  z.object({ kind: z.literal('absoluteMonthly'), interval, dayOfMonth }),
  z.object({ kind: z.literal('relativeMonthly'), interval, daysOfWeek: z.array(weekdaySchema).min(1), weekIndex: weekIndexSchema }),
  z.object({ kind: z.literal('absoluteYearly'), month, dayOfMonth }),
  z.object({ kind: z.literal('relativeYearly'), month, daysOfWeek: z.array(weekdaySchema).min(1), weekIndex: weekIndexSchema }),
]);
export type RecurrencePattern = z.infer<typeof recurrencePatternSchema>;

export const recurrenceRangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('noEnd'), startDate: dateSchema }),
  z.object({ kind: z.literal('endDate'), startDate: dateSchema, endDate: dateSchema }),
  z.object({ kind: z.literal('numbered'), startDate: dateSchema, count: z.number().int().min(1).max(999) }),
]);
export type RecurrenceRange = z.infer<typeof recurrenceRangeSchema>;

export const recurrenceSchema = z.object({ pattern: recurrencePatternSchema, range: recurrenceRangeSchema });
export type Recurrence = z.infer<typeof recurrenceSchema>;
