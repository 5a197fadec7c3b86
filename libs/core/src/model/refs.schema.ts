import { z } from 'zod';

/** Where an item lives in Exchange, and which version of it we saw. */
export const exchangeRefSchema = z.object({
  itemId: z.string().min(1),
  changeKey: z.string().min(1),
  folderId: z.string().optional(),
});
export type ExchangeRef = z.infer<typeof exchangeRefSchema>;

/** Where a record lives in the CRM, and which version (change sequence) of it we saw. */
export const crmRefSchema = z.object({
  recordId: z.string().min(1),
  version: z.string().min(1),
  /** Our LUID for the record in the CRM's map; it is the link id. */
  luid: z.string().optional(),
});
export type CrmRef = z.infer<typeof crmRefSchema>;
