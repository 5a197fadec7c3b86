import { z } from 'zod';

export const directionSchema = z
  .enum(['exchange-to-crm', 'crm-to-exchange', 'both', 'none'])
  .describe('Which way items of this type flow');
export const conflictPolicySchema = z
  .enum(['crm-wins', 'exchange-wins', 'newest-wins'])
  .describe('Who wins when the same field changed on both sides since the last sync');
export const privateItemsSchema = z
  .enum(['skip', 'sync', 'sync-as-private'])
  .describe('What to do with items marked private or confidential');

export const timeWindowSchema = z.strictObject({
  pastDays: z.number().int().min(0).default(30).describe("Days before today, measured on the item's own date"),
  futureDays: z.number().int().min(0).default(365).describe("Days after today, measured on the item's own date"),
  deletionPastDays: z.number().int().min(0).default(30).describe('Deletions older than this many days are not propagated'),
});

export const fieldMappingSchema = z.strictObject({
  crmField: z.string().min(1).describe('CRM field name (native record format)'),
  exchange: z.union([
    z.strictObject({ field: z.string().min(1).describe('An EWS field URI, e.g. contacts:Department') }),
    z.strictObject({
      extendedProperty: z.strictObject({
        propertySetId: z.uuid(),
        name: z.string().min(1),
        type: z.enum(['String', 'Integer', 'Boolean', 'SystemTime']).default('String'),
      }),
    }),
  ]),
  direction: directionSchema.optional().describe('Per-field direction; defaults to the object type direction'),
});

const baseRule = {
  enabled: z.boolean().default(true),
  intervalSeconds: z.number().int().min(10).describe('Pause after a cycle ends before the next starts'),
  window: timeWindowSchema.prefault({}),
  privateItems: privateItemsSchema.default('sync-as-private'),
  conflictPolicy: conflictPolicySchema.default('crm-wins'),
  fieldMapping: z.array(fieldMappingSchema).default([]),
};

export const emailRuleSchema = z.strictObject({
  ...baseRule,
  intervalSeconds: baseRule.intervalSeconds.default(300),
  direction: directionSchema.default('exchange-to-crm'),
  folder: z.string().startsWith('/').default('/<inbox>/CRM').describe('Sync folder; subfolders are included'),
  failureFolder: z.string().optional().describe('Subfolder of the sync folder failed mails are moved to'),
  category: z.string().min(1).default('CRM').describe('Outlook category set on filed mails'),
  ownDomains: z.array(z.string().min(1)).default([]).describe('Mail domains of the company; others are external'),
  skipInternalOnly: z.boolean().default(false),
  maxSizeBytes: z.number().int().positive().default(26_214_400).describe('Mails above are filed without attachments, or fail'),
});

export const contactRuleSchema = z.strictObject({
  ...baseRule,
  intervalSeconds: baseRule.intervalSeconds.default(21_600),
  direction: directionSchema.default('crm-to-exchange'),
  folder: z.string().startsWith('/').default('/<contacts>/CRM').describe('Target contacts folder, created if missing'),
  filter: z
    .strictObject({
      responsibleRep: z.boolean().default(true).describe('Persons the user is responsible for'),
      salesGroup: z.boolean().default(false).describe("Persons of the user's sales group"),
      favourites: z.boolean().default(true).describe("The user's favourites"),
      includeCompanies: z.boolean().default(false).describe('Companies themselves as contact entries'),
      contactTypes: z.array(z.string()).default([]).describe('Only these contact types; empty means all'),
    })
    .prefault({}),
});

export const appointmentRuleSchema = z.strictObject({
  ...baseRule,
  intervalSeconds: baseRule.intervalSeconds.default(600),
  direction: directionSchema.default('both'),
  folder: z.string().startsWith('/').default('/<calendar>'),
  crmTypes: z.array(z.string().min(1)).default(['appointment', 'visit', 'meeting']).describe('CRM activity kinds synced'),
  exchangeDeletes: z.enum(['flag', 'delete']).default('flag').describe('An Exchange delete flags the CRM activity or deletes it'),
  newOnlyFromCrm: z.boolean().default(false),
  publishForeignOrganizer: z.boolean().default(true).describe('Meetings of non-synced organizers go to the CRM read-only'),
  inviteInternal: z.boolean().default(false),
  inviteExternal: z.boolean().default(false),
  crmLinkInBody: z.boolean().default(false),
});

export const taskRuleSchema = z.strictObject({
  ...baseRule,
  intervalSeconds: baseRule.intervalSeconds.default(900),
  direction: directionSchema.default('crm-to-exchange'),
  folder: z.string().startsWith('/').default('/<tasks>'),
  statusBack: z.boolean().default(true).describe('Status, % complete and completion date flow back to the CRM'),
});

export const absenceRuleSchema = z.strictObject({
  ...baseRule,
  intervalSeconds: baseRule.intervalSeconds.default(3_600),
  direction: directionSchema.default('crm-to-exchange'),
  folder: z.string().startsWith('/').default('/<calendar>'),
  privateByDefault: z.boolean().default(true),
});

export const rulesSchema = z.strictObject({
  email: emailRuleSchema.prefault({}),
  contact: contactRuleSchema.prefault({}),
  appointment: appointmentRuleSchema.prefault({}),
  task: taskRuleSchema.prefault({}),
  absence: absenceRuleSchema.prefault({}),
});
export type Rules = z.infer<typeof rulesSchema>;
export type EmailRule = z.infer<typeof emailRuleSchema>;
export type ContactRule = z.infer<typeof contactRuleSchema>;
export type AppointmentRule = z.infer<typeof appointmentRuleSchema>;
export type TaskRule = z.infer<typeof taskRuleSchema>;
export type AbsenceRule = z.infer<typeof absenceRuleSchema>;
