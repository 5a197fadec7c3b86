import type { Logger } from '@connector/observability';

interface Closer {
  name: string;
  close: () => Promise<void>;
}

/** Closes in reverse order of registration, each at most once, logging failures and going on. */
export class Shutdown {
  private readonly closers: Closer[] = [];
  private running: Promise<void> | undefined;

  constructor(private readonly logger: Logger) {}

  register(name: string, close: () => Promise<void>): void {
    this.closers.push({ name, close });
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const closer of [...this.closers].reverse()) {
        try {
          await closer.close();
          this.logger.debug({ closer: closer.name }, 'closed');
        } catch (error) {
          this.logger.error({ closer: closer.name, err: error }, 'close failed');
        }
      }
    })();
    return this.running;
  }
}
