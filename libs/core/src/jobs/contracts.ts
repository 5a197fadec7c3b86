import { z } from 'zod';
import { instantSchema, objectTypeSchema, sideSchema } from '../model/common.schema.js';
import { domainItemSchema } from '../model/item.schema.js';
import { crmRefSchema, exchangeRefSchema } from '../model/refs.schema.js';
import { ACTION_NAMES } from './actions.js';

const mailboxSchema = z.email();

/** Ask a poller to read one mailbox's changes of one object type. */
export const pollJobSchema = z.object({
  v: z.literal(1),
  side: sideSchema,
  mailbox: mailboxSchema,
  crmUser: z.string().min(1),
  objectType: objectTypeSchema,
  reason: z.enum(['schedule', 'sync-now', 'resync', 'retry']),
  cycleId: z.string().min(1),
  requestedAt: instantSchema,
});
export type PollJob = z.infer<typeof pollJobSchema>;

/** CRM facts the contact and task rules filter on. */
export const crmContextSchema = z.object({
  /** Contacts: how the person relates to the mailbox's user. */
  relation: z
    .object({
      responsibleRep: z.boolean(),
      sameSalesGroup: z.boolean(),
      favourite: z.boolean(),
      contactType: z.string().optional(),
      isCompany: z.boolean(),
    })
    .optional(),
  /** Tasks: whether the mailbox's user is the responsible rep. */
  assignedToUser: z.boolean().optional(),
});
export type CrmContext = z.infer<typeof crmContextSchema>;

/** One item's change as a poller saw it, normalised to the domain model. */
export const changeJobSchema = z
  .object({
    v: z.literal(1),
    origin: sideSchema,
    mailbox: mailboxSchema,
    crmUser: z.string().min(1),
    objectType: objectTypeSchema,
    cycleId: z.string().min(1),
    kind: z.enum(['upsert', 'delete']),
    exchange: exchangeRefSchema.optional(),
    crm: crmRefSchema.optional(),
    item: domainItemSchema.optional(),
    /** The link id the item carries (Exchange correlation property / CRM LUID), when it has one. */
    linkId: z.uuid().optional(),
    /** When the origin side last modified the item; the newest-wins policy compares it. */
    lastModified: instantSchema.optional(),
    /** What the CRM knows beyond the item itself, for the rules' filters. */
    crmContext: crmContextSchema.optional(),
    observedAt: instantSchema,
  })
  .superRefine((job, ctx) => {
    if (job.kind === 'upsert' && !job.item) ctx.addIssue({ code: 'custom', path: ['item'], message: 'an upsert carries the item' });
    if (job.item && job.item.type !== job.objectType)
      ctx.addIssue({ code: 'custom', path: ['item', 'type'], message: `item type ${job.item.type} differs from objectType ${job.objectType}` });
    const ref = job.origin === 'exchange' ? job.exchange : job.crm;
    if (!ref) ctx.addIssue({ code: 'custom', path: [job.origin], message: `a change from ${job.origin} carries its ${job.origin} reference` });
  });
export type ChangeJob = z.infer<typeof changeJobSchema>;

/** A decided write to one side, carrying the link version it was decided on. */
export const writeJobSchema = z
  .object({
    v: z.literal(1),
    target: sideSchema,
    mailbox: mailboxSchema,
    crmUser: z.string().min(1),
    objectType: objectTypeSchema,
    cycleId: z.string().min(1),
    linkId: z.uuid(),
    linkVersion: z.number().int().nonnegative(),
    action: z.enum(ACTION_NAMES),
    item: domainItemSchema.optional(),
    /** For updates: the only fields to write, taken from `item`. */
    fields: z.array(z.string().min(1)).optional(),
    /** Write the item as private on the target side. */
    asPrivate: z.boolean().default(false),
    /** The merge base to store on the link once this write succeeded. */
    base: domainItemSchema.optional(),
    exchange: exchangeRefSchema.optional(),
    crm: crmRefSchema.optional(),
  })
  .superRefine((job, ctx) => {
    if (job.item && job.item.type !== job.objectType)
      ctx.addIssue({ code: 'custom', path: ['item', 'type'], message: `item type ${job.item.type} differs from objectType ${job.objectType}` });
  });
export type WriteJob = z.infer<typeof writeJobSchema>;
