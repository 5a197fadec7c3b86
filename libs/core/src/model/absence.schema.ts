import { z } from 'zod';
import { instantSchema, timeZoneSchema } from './common.schema.js';

export const absenceKindSchema = z.enum(['vacation', 'sickness', 'training', 'businessTrip', 'other']);

/** A CRM absence; Exchange shows it as an out-of-office calendar block. */
export const absenceSchema = z.object({
  type: z.literal('absence'),
  kind: absenceKindSchema,
  start: instantSchema,
  end: instantSchema,
  timeZone: timeZoneSchema,
  isAllDay: z.boolean().default(true),
  note: z.string().optional(),
});
export type Absence = z.infer<typeof absenceSchema>;
