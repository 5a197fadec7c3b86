import { unwatchFile, watchFile } from 'node:fs';
import { ConfigError, loadConfigFile, type ConnectorConfig } from '@connector/config';
import type { Logger } from '@connector/observability';

export type ConfigListener = (next: ConnectorConfig, previous: ConnectorConfig) => void | Promise<void>;

/**
 * Holds the config in force and replaces it when the file changes (or on SIGHUP): a valid new
 * file takes effect at once for everything that reads `current` at use time; an invalid one is
 * rejected with its full problem list and the old config stays in force. Connection settings
 * (Redis, PostgreSQL, server URLs) are read at start-up and need a restart.
 */
export class ConfigReloader {
  #current: ConnectorConfig;
  readonly #listeners: ConfigListener[] = [];
  #watching = false;

  constructor(
    readonly path: string,
    initial: ConnectorConfig,
    private readonly logger: Logger,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.#current = initial;
  }

  get current(): ConnectorConfig {
    return this.#current;
  }

  onChange(listener: ConfigListener): void {
    this.#listeners.push(listener);
  }

  /** Re-reads the file; returns whether the new config is now in force. */
  async reload(): Promise<boolean> {
    let next: ConnectorConfig;
    try {
      next = loadConfigFile(this.path, this.env);
    } catch (error) {
      const problems = error instanceof ConfigError ? error.problems : [{ path: '(file)', message: String(error) }];
      this.logger.error({ problems, code: 'CONFIG_INVALID' }, 'new config rejected; the previous config stays in force');
      return false;
    }
    if (JSON.stringify(next) === JSON.stringify(this.#current)) return true;
    const previous = this.#current;
    this.#current = next;
    this.logger.info({ path: this.path }, 'config reloaded');
    for (const listener of this.#listeners) {
      try {
        await listener(next, previous);
      } catch (error) {
        this.logger.error({ err: error }, 'a config change listener failed');
      }
    }
    return true;
  }

  /** Polls the file's mtime: robust against editors that replace the file instead of writing it. */
  watch(intervalMs = 1_000): void {
    if (this.#watching) return;
    this.#watching = true;
    watchFile(this.path, { interval: intervalMs }, (now, before) => {
      if (now.mtimeMs !== before.mtimeMs) void this.reload();
    });
  }

  stop(): void {
    if (this.#watching) unwatchFile(this.path);
    this.#watching = false;
  }
}
