import type { MailboxConfig } from '@connector/config';
import type { ChildExit } from '../child/managed-child.js';
import type { RunFrom } from '../entry/entry-point.js';
import type { ConnectorService, ProcessName } from './process-catalog.js';

export interface ExchangeSimOptions {
  /** Seed the demo mailboxes (alice, bob, carla, svc-connector); else the simulator starts empty. */
  demo?: boolean;
  /** Persist mailboxes in this directory (survives kill and restart). */
  dataDir?: string;
  /** Shortcut for a `dataDir` inside the run directory. */
  persist?: boolean;
  auth?: 'basic' | 'ntlm' | 'both';
  adminKey?: string;
}

export interface CrmInterfaceOptions {
  /** The CRM's own database (not the link store). */
  databaseUrl: string;
  /** Seed the demo CRM users and records. */
  demo?: boolean;
  adminKey?: string;
}

export interface StartSystemOptions {
  /** Workspace root; defaults to the one this package lives in. */
  rootDir?: string;
  /** Config file, keys and logs of the run; defaults to a new temporary directory. */
  runDir?: string;
  /** Keep the run directory after a clean stop (it is always kept after a failure). */
  keepRunDir?: boolean;
  host?: string;
  /** Fixed ports per process (e.g. the demo's 8700/8701/8710); the others get free ports. */
  ports?: Partial<Record<ProcessName, number>>;
  /** Existing token key files to use (kept across runs) instead of a new pair in the run directory. */
  tokenKeys?: { privateKeyFile: string; publicKeyFile: string };
  /** The dashboard's admin password (`adminKeys.dashboard`); default a new random one. */
  dashboardPassword?: string;
  /**
   * Start every child in its own process group: a Ctrl-C in the terminal then reaches only the
   * parent, which stops the children in order, instead of every child at once.
   */
  detached?: boolean;
  /** Defaults: REDIS_URL or redis://127.0.0.1:6379, prefix "connector". */
  redis?: { url: string; prefix: string };
  /** The link store; default DATABASE_URL or the config default. */
  databaseUrl?: string;
  /** Start the Exchange simulator (default) or not (`false`: give `exchangeUrl`). */
  exchangeSim?: false | ExchangeSimOptions;
  /** EWS endpoint when no simulator runs. */
  exchangeUrl?: string;
  /** Start CRM.interface (needs its database URL) or not (`false`/omitted: give `crmUrl`). */
  crmInterface?: false | CrmInterfaceOptions;
  /** SyncML endpoint when no CRM.interface runs. */
  crmUrl?: string;
  /** The EWS service account the connector uses (default svc-connector@demo.example). */
  exchangeAccount?: { username: string; password: string };
  /** Connector services to run; default the six pipeline services (add 'dashboard' for the dashboard). */
  services?: readonly ConnectorService[];
  /** Default: config/connector.example.yaml. */
  baseConfigPath?: string;
  mailboxes?: MailboxConfig[];
  /** Deep-merged into the run's config last (arrays replace). */
  configOverrides?: Record<string, unknown>;
  logLevel?: string;
  runFrom?: RunFrom;
  /** Extra environment for every child. */
  env?: Record<string, string>;
  /** Per process, until it answers `/ready`. */
  startTimeoutMs?: number;
  /** Between SIGTERM and SIGKILL. */
  stopTimeoutMs?: number;
  /** Output lines kept in memory per process. */
  keepLines?: number;
  /**
   * Runs once the simulators are up and before the scheduler starts, so before any job exists
   * (seed accounts here); the other pipeline services are loading meanwhile.
   */
  beforeServices?: (system: RunningSystem) => Promise<void>;
  /** Called when a child exits on its own; default: one line on stderr. */
  onUnexpectedExit?: (exit: ChildExit) => void;
}

export interface ServiceHandle {
  readonly name: ProcessName;
  readonly url: string;
  readonly port: number;
  /** Undefined while not running. */
  readonly pid: number | undefined;
  readonly running: boolean;
  readonly from: 'dist' | 'source';
  readonly logFile: string;
  lastLines(count?: number): string[];
  /** Every exit so far, expected or not. */
  readonly exits: readonly ChildExit[];
}

export type SystemUrls = Partial<Record<ProcessName, string>> & {
  /** EWS endpoint the connector uses ('' when no simulator runs and none was given). */
  ews: string;
  /** SyncML endpoint the connector uses ('' when no CRM.interface runs and none was given). */
  syncml: string;
};

export interface StopReport {
  /** Children that exited without being asked to during the run. */
  unexpectedExits: ChildExit[];
  /** Children that needed SIGKILL after SIGTERM. */
  forced: ProcessName[];
  runDir: string;
  runDirKept: boolean;
}

export interface RunningSystem {
  runDir: string;
  configPath: string;
  redisUrl: string;
  redisPrefix: string;
  databaseUrl: string;
  crmDatabaseUrl: string | undefined;
  urls: SystemUrls;
  ports: Partial<Record<ProcessName, number>>;
  adminKeys: { exchangeSim: string; crmInterface: string; dashboard: string };
  exchangeAccount: { username: string; password: string };
  tokenKeys: { privateKeyFile: string; publicKeyFile: string };
  services: Map<ProcessName, ServiceHandle>;
  unexpectedExits(): ChildExit[];
  /** Stops it (SIGTERM, SIGKILL after the timeout) if it runs, starts it again, waits for `/ready`. */
  restart(name: ProcessName): Promise<void>;
  /** Sends a signal (default SIGKILL) and waits for the exit; not reported as unexpected. */
  kill(name: ProcessName, signal?: NodeJS.Signals): Promise<ChildExit>;
  stop(): Promise<StopReport>;
}
