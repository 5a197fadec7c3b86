import { z } from 'zod';
import { configSchema } from './config.schema.js';

/** JSON Schema of the config file as written (inputs, defaults optional), for editor completion. */
export function configJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
