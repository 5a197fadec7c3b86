export { createLogger, jobLogger, REDACTED_PATHS, type Logger, type LoggerSettings, type JobLogContext } from './logger.js';
export { createMetricsRegistry } from './metrics.js';
export { healthPlugin, type HealthPluginOptions, type ReadinessCheck } from './health.plugin.js';
