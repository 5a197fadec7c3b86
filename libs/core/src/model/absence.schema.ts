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
  /**
   * Exchange only: the block no longer shows as the connector wrote it (its subject, busy status
   * or privacy was edited in Outlook). The CRM never has it, so the rules overwrite such edits.
   */
  editedInOutlook: z.boolean().optional(),
});
export type Absence = z.infer<typeof absenceSchema>;
