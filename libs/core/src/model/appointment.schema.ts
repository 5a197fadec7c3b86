import { z } from 'zod';
import { emailAddressSchema, extraFieldsSchema, instantSchema, sensitivitySchema, timeZoneSchema } from './common.schema.js';
import { recurrenceSchema } from './recurrence.schema.js';

export const responseStatusSchema = z.enum(['none', 'organizer', 'accepted', 'declined', 'tentative']);
export type ResponseStatus = z.infer<typeof responseStatusSchema>;

export const attendeeSchema = emailAddressSchema.extend({
  role: z.enum(['required', 'optional', 'resource']).default('required'),
  response: responseStatusSchema.default('none'),
});
export type Attendee = z.infer<typeof attendeeSchema>;

export const busyStatusSchema = z.enum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere']);

/** One occurrence of a series that differs from the pattern, keyed by its original start. */
export const occurrenceOverrideSchema = z.object({
  originalStart: instantSchema,
  start: instantSchema,
  end: instantSchema,
  subject: z.string().optional(),
  location: z.string().optional(),
  body: z.string().optional(),
});
export type OccurrenceOverride = z.infer<typeof occurrenceOverrideSchema>;

export const appointmentSchema = z.object({
  type: z.literal('appointment'),
  /** CRM activity kind (visit, meeting, …); rules filter on it. Exchange items default to "appointment". */
  kind: z.string().default('appointment'),
  subject: z.string().default(''),
  body: z.string().optional(),
  location: z.string().optional(),
  start: instantSchema,
  end: instantSchema,
  timeZone: timeZoneSchema,
  isAllDay: z.boolean().default(false),
  reminderMinutes: z.number().int().nonnegative().nullable().default(null),
  busyStatus: busyStatusSchema.default('busy'),
  sensitivity: sensitivitySchema.default('normal'),
  categories: z.array(z.string()).default([]),
  organizer: emailAddressSchema.optional(),
  attendees: z.array(attendeeSchema).default([]),
  recurrence: recurrenceSchema.optional(),
  modifiedOccurrences: z.array(occurrenceOverrideSchema).default([]),
  /** Original starts of occurrences removed from the series. */
  deletedOccurrences: z.array(instantSchema).default([]),
  extra: extraFieldsSchema,
});
export type Appointment = z.infer<typeof appointmentSchema>;
