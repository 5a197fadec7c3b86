import type { Logger } from '@connector/observability';
import type { AuthMode } from './auth/authenticator.js';
import type { FaultConfig } from './faults/fault-injector.js';
import type { XmlLimits } from './xml/xml-parse.js';

export interface SimOptions {
  /** Value of the x-admin-key header the admin API requires. */
  adminKey?: string;
  auth?: AuthMode;
  /** Persist mailboxes here (snapshot per mailbox, written shortly after each change and on close). */
  dataDir?: string;
  maxBodyBytes?: number;
  xmlLimits?: Partial<XmlLimits>;
  /** Seed the demo mailboxes when the store is empty. */
  demo?: boolean;
  faults?: FaultConfig;
  /** The service logger (createLogger); none when omitted (tests). */
  logger?: Logger;
}

export const DEFAULTS = {
  adminKey: 'exchange-sim-admin',
  auth: 'both' as AuthMode,
  maxBodyBytes: 50 * 1024 * 1024,
  port: 8700,
};

export function optionsFromEnv(env: NodeJS.ProcessEnv, argv: string[]): Omit<SimOptions, 'logger'> & { port: number; host: string } {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i === -1 ? undefined : argv[i + 1];
  };
  return {
    port: Number(env.EXCHANGE_SIM_PORT ?? DEFAULTS.port),
    host: env.EXCHANGE_SIM_HOST ?? '0.0.0.0',
    adminKey: env.EXCHANGE_SIM_ADMIN_KEY ?? DEFAULTS.adminKey,
    auth: (env.EXCHANGE_SIM_AUTH as AuthMode | undefined) ?? DEFAULTS.auth,
    dataDir: arg('--data-dir') ?? env.EXCHANGE_SIM_DATA_DIR,
    maxBodyBytes: env.EXCHANGE_SIM_MAX_BODY_BYTES ? Number(env.EXCHANGE_SIM_MAX_BODY_BYTES) : DEFAULTS.maxBodyBytes,
    demo: argv.includes('--demo'),
  };
}
