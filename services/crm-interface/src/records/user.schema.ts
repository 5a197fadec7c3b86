import { z } from 'zod';
import { shortText, type RecordMeta } from './common.schema.js';

export const userInputSchema = z
  .object({
    login: z.string().min(1).max(256),
    displayName: shortText.min(1),
    email: z.string().max(320).nullable().optional(),
    salesGroup: shortText.nullable().optional(),
    syncEnabled: z.boolean().optional(),
    /** Only for standard SyncML clients (auth-basic / auth-md5); the connector uses tokens. */
    password: z.string().min(1).max(1_000).optional(),
    /** Keep the auth-md5 form too; see the README for why that is opt-in. */
    allowMd5Auth: z.boolean().optional(),
  })
  .strict();

export type UserInput = z.infer<typeof userInputSchema>;

export interface User extends RecordMeta {
  login: string;
  displayName: string;
  email: string | null;
  salesGroup: string | null;
  syncEnabled: boolean;
  hasPassword: boolean;
  md5AuthEnabled: boolean;
}
