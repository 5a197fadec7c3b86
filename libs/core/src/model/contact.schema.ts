import { z } from 'zod';
import { extraFieldsSchema } from './common.schema.js';

export const contactEmailSchema = z.object({
  slot: z.enum(['email1', 'email2', 'email3']),
  address: z.email(),
  name: z.string().optional(),
});

export const phoneKindSchema = z.enum(['business', 'business2', 'home', 'mobile', 'businessFax', 'homeFax', 'other']);
export const contactPhoneSchema = z.object({ kind: phoneKindSchema, number: z.string().min(1) });

export const postalAddressSchema = z.object({
  kind: z.enum(['business', 'home', 'other']),
  street: z.string().optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  postalCode: z.string().optional(),
  country: z.string().optional(),
});

/** A CRM person (with their company) as it appears in an Outlook contacts folder. */
export const contactSchema = z.object({
  type: z.literal('contact'),
  givenName: z.string().optional(),
  surname: z.string().optional(),
  displayName: z.string().optional(),
  companyName: z.string().optional(),
  jobTitle: z.string().optional(),
  department: z.string().optional(),
  emails: z.array(contactEmailSchema).max(3).default([]),
  phones: z.array(contactPhoneSchema).default([]),
  addresses: z.array(postalAddressSchema).default([]),
  notes: z.string().optional(),
  /** True when the entry stands for a company itself, not a person. */
  isCompany: z.boolean().default(false),
  extra: extraFieldsSchema,
});
export type Contact = z.infer<typeof contactSchema>;
