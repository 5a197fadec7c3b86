import { z } from 'zod';

/**
 * A secret is never written into the config file itself in production: it names an environment
 * variable or a file. A literal value is accepted for demos and tests.
 */
export const secretSchema = z.union([
  z.string().min(1),
  z.strictObject({ env: z.string().min(1).describe('Name of the environment variable holding the secret') }),
  z.strictObject({ file: z.string().min(1).describe('Path of a file holding the secret (trailing newline ignored)') }),
]);
export type SecretRef = z.infer<typeof secretSchema>;
