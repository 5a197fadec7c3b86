import { z } from 'zod';

export const OBJECT_TYPES = ['email', 'contact', 'appointment', 'task', 'absence'] as const;
export const objectTypeSchema = z.enum(OBJECT_TYPES);
export type ObjectType = z.infer<typeof objectTypeSchema>;

export const SIDES = ['exchange', 'crm'] as const;
export const sideSchema = z.enum(SIDES);
export type Side = z.infer<typeof sideSchema>;

/** An instant with its UTC offset, e.g. 2026-03-29T09:00:00+02:00; what both sides can express. */
export const instantSchema = z.iso.datetime({ offset: true });
/** A calendar date without time, used for all-day items and recurrence ranges. */
export const dateSchema = z.iso.date();
/** An IANA zone name (Europe/Berlin); Windows zone ids are translated at the Exchange edge. */
export const timeZoneSchema = z.string().min(1);

export const emailAddressSchema = z.object({
  address: z.email(),
  name: z.string().optional(),
});
export type EmailAddress = z.infer<typeof emailAddressSchema>;

export const importanceSchema = z.enum(['low', 'normal', 'high']);
export const sensitivitySchema = z.enum(['normal', 'personal', 'private', 'confidential']);
export type Sensitivity = z.infer<typeof sensitivitySchema>;

/** Fields a rule maps beyond the built-in ones (extended properties, custom CRM fields). */
export const extraFieldsSchema = z.record(z.string(), z.string()).default({});
