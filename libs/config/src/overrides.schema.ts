import { z } from 'zod';
import { rulesSchema } from './rules.schema.js';

type AnySchema = z.ZodType;

/**
 * An override names only what differs for one user. Built from the rule schemas themselves, with
 * every default removed (a default inside an override would silently reset the global rule).
 */
function optionalWithoutDefaults(schema: AnySchema): AnySchema {
  let inner: AnySchema = schema;
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodPrefault || inner instanceof z.ZodOptional) {
    inner = inner.unwrap() as AnySchema;
  }
  if (inner instanceof z.ZodObject) {
    const shape = Object.fromEntries(Object.entries(inner.shape).map(([key, field]) => [key, optionalWithoutDefaults(field as AnySchema)]));
    return z.strictObject(shape).optional();
  }
  return inner.optional();
}

export const ruleOverridesSchema = optionalWithoutDefaults(rulesSchema) as z.ZodOptional<
  z.ZodType<{ [K in keyof z.infer<typeof rulesSchema>]?: Partial<z.infer<typeof rulesSchema>[K]> }>
>;
export type RuleOverrides = NonNullable<z.infer<typeof ruleOverridesSchema>>;
