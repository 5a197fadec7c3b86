import { z } from 'zod';
import { absenceSchema } from './absence.schema.js';
import { appointmentSchema } from './appointment.schema.js';
import { contactSchema } from './contact.schema.js';
import { emailSchema } from './email.schema.js';
import { taskSchema } from './task.schema.js';

/** Any synchronised object, side-neutral; `type` tells which. */
export const domainItemSchema = z.discriminatedUnion('type', [
  emailSchema,
  contactSchema,
  appointmentSchema,
  taskSchema,
  absenceSchema,
]);
export type DomainItem = z.infer<typeof domainItemSchema>;
export type DomainItemOf<T extends DomainItem['type']> = Extract<DomainItem, { type: T }>;
