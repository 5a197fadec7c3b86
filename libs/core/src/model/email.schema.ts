import { z } from 'zod';
import { emailAddressSchema, importanceSchema, instantSchema, sensitivitySchema } from './common.schema.js';

export const attachmentInfoSchema = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int().nonnegative(),
  isInline: z.boolean().default(false),
});

/** A mail as filed into the CRM; the MIME itself travels as a stream, never inside a job. */
export const emailSchema = z.object({
  type: z.literal('email'),
  internetMessageId: z.string().min(1),
  subject: z.string().default(''),
  bodyText: z.string().optional(),
  bodyHtml: z.string().optional(),
  sentAt: instantSchema.optional(),
  receivedAt: instantSchema.optional(),
  direction: z.enum(['incoming', 'outgoing']),
  importance: importanceSchema.default('normal'),
  sensitivity: sensitivitySchema.default('normal'),
  from: emailAddressSchema.optional(),
  to: z.array(emailAddressSchema).default([]),
  cc: z.array(emailAddressSchema).default([]),
  bcc: z.array(emailAddressSchema).default([]),
  isDraft: z.boolean().default(false),
  inReplyTo: z.string().optional(),
  references: z.array(z.string()).default([]),
  categories: z.array(z.string()).default([]),
  sizeBytes: z.number().int().nonnegative(),
  attachments: z.array(attachmentInfoSchema).default([]),
});
export type Email = z.infer<typeof emailSchema>;
