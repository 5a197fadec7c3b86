import type { z } from 'zod';
import { StateError } from './state.error.js';

/** Bad input gets one clear error naming every bad field, and nothing is written. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
  throw new StateError('STATE_INVALID_INPUT', `${what}: ${issues.join('; ')}`);
}
