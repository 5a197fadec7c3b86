export { runService, startService, configPathFromEnv, type ServiceSpec, type RunningService, type StartOptions } from './run-service.js';
export { ConfigReloader, type ConfigListener } from './config-reloader.js';
export type { ServiceContext } from './service-context.js';
export { Shutdown } from './shutdown.js';
