import { z } from 'zod';

export const uuid = z.uuid();
export const text = z.string().max(100_000);
export const shortText = z.string().max(1_000);
/** Any ISO 8601 date-time with offset; records always give it back in UTC (`…Z`). */
export const dateTime = z.iso.datetime({ offset: true });
export const date = z.iso.date();
export const customFields = z.record(z.string().min(1).max(200), z.string().max(10_000));

export const EMAIL_KINDS = ['work', 'home', 'other'] as const;
export const PHONE_KINDS = ['work', 'home', 'mobile', 'fax', 'pager', 'assistant', 'other'] as const;
export const ADDRESS_KINDS = ['work', 'home', 'other'] as const;

export const emailSchema = z.object({ address: z.string().min(3).max(320), kind: z.enum(EMAIL_KINDS) }).strict();
export const phoneSchema = z.object({ number: z.string().min(1).max(100), kind: z.enum(PHONE_KINDS) }).strict();
export const addressSchema = z
  .object({
    kind: z.enum(ADDRESS_KINDS),
    street: shortText.nullable(),
    city: shortText.nullable(),
    postalCode: shortText.nullable(),
    region: shortText.nullable(),
    country: shortText.nullable(),
  })
  .strict();

/** How to reach a person or a company: the same channels on both records. */
export const contactChannels = {
  emails: z.array(emailSchema).max(50),
  phones: z.array(phoneSchema).max(50),
  addresses: z.array(addressSchema).max(20),
  customFields,
};

export type Email = z.infer<typeof emailSchema>;
export type Phone = z.infer<typeof phoneSchema>;
export type Address = z.infer<typeof addressSchema>;

/** What every stored record carries besides its fields. */
export interface RecordMeta {
  id: string;
  /** The change sequence of the last write, as a decimal string: the version the connector compares. */
  version: string;
  updatedAt: string;
}

export function isoOrNull(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return (value instanceof Date ? value : new Date(value)).toISOString();
}
