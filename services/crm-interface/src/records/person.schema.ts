import { z } from 'zod';
import { contactChannels, date, shortText, text, uuid, type RecordMeta } from './common.schema.js';

export const personFieldsSchema = z
  .object({
    companyId: uuid.nullable(),
    responsibleUserId: uuid.nullable(),
    shared: z.boolean(),
    contactType: shortText.nullable(),
    salutation: shortText.nullable(),
    title: shortText.nullable(),
    firstName: shortText,
    lastName: shortText,
    jobTitle: shortText.nullable(),
    department: shortText.nullable(),
    birthday: date.nullable(),
    notes: text.nullable(),
    ...contactChannels,
  })
  .strict();

export type PersonFields = z.infer<typeof personFieldsSchema>;
export const personPatchSchema = personFieldsSchema.partial();
export type PersonPatch = z.infer<typeof personPatchSchema>;

export interface Person extends PersonFields, RecordMeta {
  /** Company name, denormalised for formats that carry it (vCard ORG). */
  companyName: string | null;
  /** Whether the reading user has this person among their favourites. */
  favourite: boolean;
}

export const PERSON_DEFAULTS: PersonFields = {
  companyId: null,
  responsibleUserId: null,
  shared: true,
  contactType: null,
  salutation: null,
  title: null,
  firstName: '',
  lastName: '',
  jobTitle: null,
  department: null,
  birthday: null,
  notes: null,
  emails: [],
  phones: [],
  addresses: [],
  customFields: {},
};
