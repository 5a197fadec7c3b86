import { z } from 'zod';
import { crmRefSchema, domainItemSchema, exchangeRefSchema, linkStateSchema, objectTypeSchema } from '@connector/core';

function baseMatchesType(value: { objectType?: string; base?: { type: string } | null }, ctx: z.RefinementCtx): void {
  if (value.base && value.objectType && value.base.type !== value.objectType)
    ctx.addIssue({ code: 'custom', path: ['base', 'type'], message: `base type ${value.base.type} differs from objectType ${value.objectType}` });
}

export const newLinkSchema = z
  .strictObject({
    id: z.uuid().optional(),
    mailbox: z.email(),
    objectType: objectTypeSchema,
    exchange: exchangeRefSchema.optional(),
    crm: crmRefSchema.optional(),
    base: domainItemSchema.optional(),
    state: linkStateSchema,
  })
  .superRefine(baseMatchesType);

export const linkPatchSchema = z.strictObject({
  exchange: exchangeRefSchema.nullable().optional(),
  crm: crmRefSchema.nullable().optional(),
  base: domainItemSchema.nullable().optional(),
  state: linkStateSchema.optional(),
});

export const versionSchema = z.number().int().nonnegative();

export const linkIdSchema = z.uuid();
