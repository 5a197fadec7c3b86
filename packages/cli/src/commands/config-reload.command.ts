import { utimesSync } from 'node:fs';
import type { CliContext } from '../cli.context.js';
import { EXIT, type ExitCode } from '../cli.error.js';
import { configValidate } from './config-validate.command.js';

/**
 * `connector config reload`: validates the file and, only when it is valid, marks it changed so
 * every service watching it applies it now. An invalid file is never signalled: the services
 * would reject it anyway and keep the old config; here the operator sees every problem at once.
 */
export async function configReload(ctx: CliContext): Promise<ExitCode> {
  const code = await configValidate(ctx);
  if (code !== EXIT.ok) return code;
  const now = new Date();
  utimesSync(ctx.configPath, now, now);
  return EXIT.ok;
}
