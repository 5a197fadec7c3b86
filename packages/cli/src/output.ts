export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/**
 * Everything a command prints goes through here: with `--json` exactly one JSON document on
 * stdout and nothing else there; without, human lines. Diagnostics always go to stderr.
 */
export class Output {
  constructor(
    private readonly io: CliIo,
    readonly json: boolean,
  ) {}

  /** The command's result: `data` as JSON, or `text()` as lines. */
  result(data: unknown, text: () => string[]): void {
    if (this.json) this.io.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
    else for (const line of text()) this.io.stdout.write(`${line}\n`);
  }

  error(code: string, message: string, details?: unknown): void {
    if (this.json) this.io.stdout.write(`${JSON.stringify({ error: code, message, ...(details !== undefined ? { details } : {}) }, null, 2)}\n`);
    else this.io.stderr.write(`error: ${message}\n`);
  }

  /** Progress and notes for people; never in JSON mode. */
  note(line: string): void {
    if (!this.json) this.io.stderr.write(`${line}\n`);
  }

  get stderr(): CliIo['stderr'] {
    return this.io.stderr;
  }
}
