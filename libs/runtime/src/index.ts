export { runService, startService, configPathFromEnv, type ServiceSpec, type RunningService } from './run-service.js';
export type { ServiceContext } from './service-context.js';
export { Shutdown } from './shutdown.js';
