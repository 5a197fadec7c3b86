export { configSchema, type ConnectorConfig, type ConnectorConfigInput, type MailboxConfig } from './config.schema.js';
export * from './rules.schema.js';
export { ruleOverridesSchema, type RuleOverrides } from './overrides.schema.js';
export { ConfigError, type ConfigProblem } from './config.error.js';
export { parseConfig, loadConfigFile, type ParseOptions } from './load-config.js';
export { effectiveRules } from './effective-rules.js';
export { ENV_OVERRIDES } from './env-overrides.js';
export { configJsonSchema } from './json-schema.js';
