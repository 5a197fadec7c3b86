import { z } from 'zod';
import { contactChannels, shortText, text, uuid, type RecordMeta } from './common.schema.js';

export const companyFieldsSchema = z
  .object({
    name: shortText.min(1),
    responsibleUserId: uuid.nullable(),
    shared: z.boolean(),
    industry: shortText.nullable(),
    website: shortText.nullable(),
    notes: text.nullable(),
    ...contactChannels,
  })
  .strict();

export type CompanyFields = z.infer<typeof companyFieldsSchema>;
export const companyPatchSchema = companyFieldsSchema.partial();
export type CompanyPatch = z.infer<typeof companyPatchSchema>;
export interface Company extends CompanyFields, RecordMeta {}

export const COMPANY_DEFAULTS: Omit<CompanyFields, 'name'> = {
  responsibleUserId: null,
  shared: true,
  industry: null,
  website: null,
  notes: null,
  emails: [],
  phones: [],
  addresses: [],
  customFields: {},
};
