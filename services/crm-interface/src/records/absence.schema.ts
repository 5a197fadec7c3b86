import { z } from 'zod';
import { dateTime, shortText, text, uuid, type RecordMeta } from './common.schema.js';

export const ABSENCE_TYPES = ['vacation', 'sickness', 'training', 'other'] as const;

export const absenceFieldsSchema = z
  .object({
    responsibleUserId: uuid,
    shared: z.boolean(),
    type: z.enum(ABSENCE_TYPES),
    startAt: dateTime,
    endAt: dateTime,
    allDay: z.boolean(),
    timeZone: shortText.nullable(),
    note: text.nullable(),
  })
  .strict();

export type AbsenceFields = z.infer<typeof absenceFieldsSchema>;
export const absencePatchSchema = absenceFieldsSchema.partial();
export type AbsencePatch = z.infer<typeof absencePatchSchema>;
export interface Absence extends AbsenceFields, RecordMeta {}

export const ABSENCE_DEFAULTS: Pick<AbsenceFields, 'shared' | 'allDay' | 'timeZone' | 'note'> = {
  shared: true,
  allDay: true,
  timeZone: null,
  note: null,
};
