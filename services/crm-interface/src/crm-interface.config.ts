import { readFileSync } from 'node:fs';
import type { VerificationKey } from '@connector/crm-token';

export interface CrmInterfaceConfig {
  databaseUrl: string;
  port: number;
  host: string;
  adminKey: string | undefined;
  tokenKeys: VerificationKey[];
  tokenMaxAgeMs: number | undefined;
  tokenClockSkewMs: number | undefined;
  demo: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function fromEnvOrFile(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const file = env[`${name}_FILE`];
  if (file) {
    try {
      return readFileSync(file, 'utf8').trim();
    } catch (error) {
      throw new ConfigError(`${name}_FILE: ${(error as Error).message}`);
    }
  }
  return env[name] || undefined;
}

function optionalInt(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a non-negative integer`);
  return Number(raw);
}

/** Every setting from the environment (and `--demo`); all problems are reported, nothing is guessed. */
export function readConfig(env: NodeJS.ProcessEnv, argv: readonly string[] = []): CrmInterfaceConfig {
  const problems: string[] = [];
  const databaseUrl = env.DATABASE_URL ?? '';
  if (!databaseUrl) problems.push('DATABASE_URL is required');
  let port = 8701;
  try {
    port = optionalInt(env, 'CRM_INTERFACE_PORT') ?? port;
  } catch (error) {
    problems.push((error as Error).message);
  }
  const tokenKeys: VerificationKey[] = [];
  const publicKey = fromEnvOrFile(env, 'CRM_TOKEN_PUBLIC_KEY');
  if (publicKey) tokenKeys.push({ algorithm: 'ed25519', publicKey });
  const secret = fromEnvOrFile(env, 'CRM_TOKEN_HMAC_SECRET');
  if (secret) tokenKeys.push({ algorithm: 'hs256', secret });
  if (tokenKeys.length === 0) problems.push('set CRM_TOKEN_PUBLIC_KEY(_FILE) and/or CRM_TOKEN_HMAC_SECRET(_FILE)');
  let tokenMaxAgeMs: number | undefined;
  let tokenClockSkewMs: number | undefined;
  try {
    tokenMaxAgeMs = optionalInt(env, 'CRM_TOKEN_MAX_AGE_MS');
    tokenClockSkewMs = optionalInt(env, 'CRM_TOKEN_CLOCK_SKEW_MS');
  } catch (error) {
    problems.push((error as Error).message);
  }
  if (problems.length > 0) throw new ConfigError(problems.join('; '));
  return {
    databaseUrl,
    port,
    host: env.CRM_INTERFACE_HOST || '0.0.0.0',
    adminKey: fromEnvOrFile(env, 'CRM_ADMIN_KEY'),
    tokenKeys,
    tokenMaxAgeMs,
    tokenClockSkewMs,
    demo: argv.includes('--demo') || env.CRM_DEMO === '1' || env.CRM_DEMO === 'true',
  };
}
