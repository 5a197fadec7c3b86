import { ConfigError, type ConnectorConfig } from '@connector/config';
import { OBJECT_TYPES } from '@connector/core';
import type { CliContext } from '../cli.context.js';
import { EXIT, type ExitCode } from '../cli.error.js';

/** A URL with its password masked: the summary is for screens and tickets. */
function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

/** The resolved config as an operator checks it: every setting that matters, never a secret. */
export function configSummary(config: ConnectorConfig) {
  return {
    exchange: { url: config.exchange.url, auth: config.exchange.auth.kind, impersonation: config.exchange.impersonation, timeoutMs: config.exchange.timeoutMs },
    crm: { url: config.crm.url, deviceId: config.crm.deviceId, tokenAlgorithm: config.crm.token.algorithm },
    redis: { url: redactUrl(config.redis.url), prefix: config.redis.prefix },
    database: { url: redactUrl(config.database.url) },
    mailboxes: {
      restrictToList: config.mailboxes.restrictToList,
      refreshSeconds: config.mailboxes.refreshSeconds,
      list: config.mailboxes.list.map((m) => ({ crmUser: m.crmUser, smtp: m.smtp, overrides: Object.keys(m.overrides ?? {}) })),
    },
    rules: Object.fromEntries(
      OBJECT_TYPES.map((type) => {
        const rule = config.rules[type];
        return [type, { enabled: rule.enabled, direction: rule.direction, intervalSeconds: rule.intervalSeconds, folder: rule.folder }];
      }),
    ),
    errorPolicy: config.errorPolicy,
  };
}

/** `connector config validate`: 0 and one line when valid, 2 and every problem when not. */
export async function configValidate(ctx: CliContext): Promise<ExitCode> {
  let config: ConnectorConfig;
  try {
    config = ctx.config;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    ctx.out.result({ valid: false, configPath: ctx.configPath, problems: error.problems }, () => [error.message]);
    return EXIT.usage;
  }
  const enabled = OBJECT_TYPES.filter((t) => config.rules[t].enabled);
  ctx.out.result({ valid: true, configPath: ctx.configPath, config: configSummary(config) }, () => [
    `OK ${ctx.configPath}: ${config.mailboxes.list.length} mailbox(es) listed, types enabled: ${enabled.join(', ') || 'none'}`,
  ]);
  return EXIT.ok;
}
