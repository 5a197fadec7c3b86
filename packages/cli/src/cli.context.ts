import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import { ConfigError, loadConfigFile, type ConnectorConfig } from '@connector/config';
import { OBJECT_TYPES, objectTypeSchema, type ObjectType } from '@connector/core';
import { configPathFromEnv } from '@connector/runtime';
import { MailboxRegistry, type MailboxEntry } from '@connector/scheduling';
import { RedisCursorStore, openPgState, type PgState } from '@connector/state';
import { openPipelineQueues, type PipelineQueues } from '@connector/wiring';
import { CliError } from './cli.error.js';
import { Output, type CliIo } from './output.js';

export interface GlobalOptions {
  config?: string;
  json?: boolean;
}

/**
 * What a command may use, each opened on first use and closed once at the end: a command that
 * only reads PostgreSQL never connects to Redis, and `config validate` connects to nothing.
 */
export class CliContext {
  readonly out: Output;
  readonly configPath: string;
  #config: ConnectorConfig | undefined;
  #state: Promise<PgState> | undefined;
  #redis: Redis | undefined;
  #queues: PipelineQueues | undefined;
  readonly #closers: Array<() => Promise<void>> = [];

  constructor(
    readonly io: CliIo,
    options: GlobalOptions,
  ) {
    this.out = new Output(io, options.json ?? false);
    this.configPath = options.config ? resolve(io.cwd, options.config) : configPathFromEnv(io.env, io.cwd);
  }

  /** @throws ConfigError (exit 2) listing every problem */
  get config(): ConnectorConfig {
    this.#config ??= loadConfigFile(this.configPath, this.io.env);
    return this.#config;
  }

  state(): Promise<PgState> {
    this.#state ??= (async () => {
      const { database, errorPolicy } = this.config;
      // The services migrate when they start; an operator's tool only reads and writes rows.
      const state = await openPgState({
        url: database.url,
        poolSize: 2,
        migrate: false,
        suspendAfterFailures: errorPolicy.suspendAfterFailures,
        suspendedRetryMs: errorPolicy.suspendedRetrySeconds * 1000,
        onPoolError: () => undefined,
      });
      this.#closers.push(() => state.close());
      return state;
    })();
    return this.#state;
  }

  redis(): Redis {
    if (!this.#redis) {
      const redis = new Redis(this.config.redis.url, { maxRetriesPerRequest: 3, lazyConnect: false });
      // Connection errors surface as rejected commands; the event would only repeat them.
      redis.on('error', () => undefined);
      this.#redis = redis;
      this.#closers.push(async () => void redis.disconnect());
    }
    return this.#redis;
  }

  cursors(): RedisCursorStore {
    return new RedisCursorStore({ redis: this.redis(), prefix: this.config.redis.prefix });
  }

  registry(): MailboxRegistry {
    return new MailboxRegistry(this.redis(), this.config.redis.prefix, 0);
  }

  queues(): PipelineQueues {
    this.#queues ??= openPipelineQueues({ config: this.config, onClose: (_name, close) => void this.#closers.push(close) });
    return this.#queues;
  }

  /** The synced mailboxes (as the scheduler published them), optionally just one. */
  async syncedMailboxes(mailbox?: string): Promise<MailboxEntry[]> {
    const entries = await this.registry().list();
    if (mailbox === undefined) {
      if (entries.length === 0) throw new CliError('NO_SYNCED_MAILBOXES', 'no mailbox is synced (the scheduler publishes the list; is it running?)');
      return entries;
    }
    const entry = entries.find((e) => e.smtp === mailbox.toLowerCase());
    if (!entry) throw new CliError('MAILBOX_NOT_SYNCED', `${mailbox} is not a synced mailbox`);
    return [entry];
  }

  async close(): Promise<void> {
    for (const close of this.#closers.reverse()) await close().catch(() => undefined);
    this.#closers.length = 0;
  }
}

/** `--type`: one of the object types, or a usage error (exit 2). */
export function parseType(type: string | undefined): ObjectType | undefined {
  if (type === undefined) return undefined;
  const parsed = objectTypeSchema.safeParse(type);
  if (!parsed.success) throw new CliError('CLI_USAGE', `unknown object type "${type}" (expected ${OBJECT_TYPES.join(', ')})`);
  return parsed.data;
}

export function isConfigError(error: unknown): error is ConfigError {
  return error instanceof ConfigError;
}
