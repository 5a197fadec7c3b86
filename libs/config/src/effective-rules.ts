import type { Rules } from './rules.schema.js';
import type { MailboxConfig } from './config.schema.js';
import type { RuleOverrides } from './overrides.schema.js';

function mergeDeep<T>(base: T, override: unknown): T {
  if (override === undefined) return base;
  if (!override || typeof override !== 'object' || Array.isArray(override) || !base || typeof base !== 'object') return override as T;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(override)) out[key] = mergeDeep(out[key], value);
  return out as T;
}

/** The rules in force for one mailbox: the global rules with that user's overrides on top. */
export function effectiveRules(rules: Rules, mailbox: Pick<MailboxConfig, 'overrides'> | undefined): Rules {
  return mergeDeep<Rules>(rules, mailbox?.overrides as RuleOverrides | undefined);
}
