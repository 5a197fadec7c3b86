import { z } from 'zod';
import { instantSchema, objectTypeSchema } from './common.schema.js';
import { domainItemSchema } from './item.schema.js';
import { crmRefSchema, exchangeRefSchema } from './refs.schema.js';

/**
 * Lifecycle of a synchronised pair. `pending-*` marks a create whose write is in flight (the
 * writer finds a half-done create by the link id); `published` items are read-only in the CRM.
 */
export const LINK_STATES = ['pending-exchange', 'pending-crm', 'active', 'published', 'deleted', 'quarantined'] as const;
export const linkStateSchema = z.enum(LINK_STATES);
export type LinkState = z.infer<typeof linkStateSchema>;

/** One synchronised pair as the rule engine sees it: both ids and versions, and the merge base. */
export const syncLinkSchema = z.object({
  /** UUID; also the CRM LUID and the value of the Exchange correlation property. */
  id: z.uuid(),
  mailbox: z.email(),
  objectType: objectTypeSchema,
  exchange: exchangeRefSchema.optional(),
  crm: crmRefSchema.optional(),
  /** The synced fields as both sides last agreed on them: the base of the three-way merge. */
  base: domainItemSchema.optional(),
  state: linkStateSchema,
  /** Row version for compare-and-set; bumped by every write to the row. */
  version: z.number().int().nonnegative(),
  updatedAt: instantSchema,
});
export type SyncLink = z.infer<typeof syncLinkSchema>;
