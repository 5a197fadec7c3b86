export { startSystem } from './system/start-system.js';
export {
  PIPELINE_SERVICES, EXTRA_SERVICES, baseEnv,
  type ConnectorService, type PipelineService, type ProcessName, type SimulatorName,
} from './system/process-catalog.js';
export type {
  CrmInterfaceOptions, ExchangeSimOptions, RunningSystem, ServiceHandle, StartSystemOptions, StopReport, SystemUrls,
} from './system/system.types.js';
export { ManagedChild, type ChildExit, type ChildSpec, type StopOutcome } from './child/managed-child.js';
export { waitUntilHealthy, type HealthWaitOptions } from './child/health-wait.js';
export { resolveEntryPoint, distIsCurrent, type EntryPoint, type RunFrom } from './entry/entry-point.js';
export { buildRunConfig, writeRunConfig, SECRET_ENV, type RunConfigValues } from './config/run-config.js';
export { LauncherError, LAUNCHER_ERROR_CODES, type LauncherErrorCode } from './launcher.error.js';
