import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';

export interface ChildSpec {
  /** Process name, e.g. "exchange-writer"; used in messages and as the log file's name. */
  name: string;
  command: string;
  args: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Every line of stdout and stderr is appended here (stderr lines marked), across restarts. */
  logFile: string;
  /** How many of the last lines are kept in memory for error messages. */
  keepLines?: number;
  /** Its own process group (signals to the parent's group, like a terminal's Ctrl-C, miss it). */
  detached?: boolean;
}

export interface ChildExit {
  name: string;
  pid: number | undefined;
  code: number | null;
  signal: NodeJS.Signals | null;
  /** True when the launcher asked for it (stop, kill, restart). */
  expected: boolean;
  at: Date;
  lastLines: string[];
}

export interface StopOutcome {
  exit: ChildExit;
  /** SIGTERM was not enough within the timeout: the child got SIGKILL. */
  forced: boolean;
}

const DEFAULT_KEEP_LINES = 200;

/**
 * One child process: spawned, its output collected line by line, its end observed. An exit the
 * launcher did not ask for goes to `onUnexpectedExit` so the system can report it.
 */
export class ManagedChild {
  private child: ChildProcess | undefined;
  private closed: Promise<ChildExit> | undefined;
  private log: WriteStream | undefined;
  private readonly lines: string[] = [];
  private expectingExit = false;
  readonly exits: ChildExit[] = [];

  constructor(
    readonly spec: ChildSpec,
    private readonly onUnexpectedExit: (exit: ChildExit) => void = () => undefined,
  ) {}

  get pid(): number | undefined {
    return this.running ? this.child?.pid : undefined;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  lastLines(count = this.spec.keepLines ?? DEFAULT_KEEP_LINES): string[] {
    return this.lines.slice(-count);
  }

  start(): void {
    if (this.running) throw new Error(`${this.spec.name} is already running`);
    mkdirSync(dirname(this.spec.logFile), { recursive: true });
    this.log ??= createWriteStream(this.spec.logFile, { flags: 'a' });
    this.expectingExit = false;
    const child = spawn(this.spec.command, [...this.spec.args], {
      cwd: this.spec.cwd,
      env: this.spec.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: this.spec.detached ?? false,
    });
    this.child = child;
    this.record(`--- ${this.spec.name} started (pid ${child.pid ?? '?'}) at ${new Date().toISOString()} ---`);
    createInterface({ input: child.stdout! }).on('line', (line) => this.record(line));
    createInterface({ input: child.stderr! }).on('line', (line) => this.record(`[stderr] ${line}`));
    this.closed = new Promise((resolve) => {
      // A spawn failure (missing executable) emits "error" and then "close" with code -2.
      child.on('error', (error) => this.record(`[launcher] spawn failed: ${error.message}`));
      child.on('close', (code, signal) => {
        const exit: ChildExit = {
          name: this.spec.name, pid: child.pid, code, signal, expected: this.expectingExit, at: new Date(), lastLines: this.lastLines(),
        };
        this.record(`--- ${this.spec.name} exited (code ${code}, signal ${signal}) ---`);
        this.exits.push(exit);
        if (!exit.expected) this.onUnexpectedExit(exit);
        resolve(exit);
      });
    });
  }

  /** Resolves when the current process has exited and its output is read to the end. */
  whenExited(): Promise<ChildExit> {
    if (!this.closed) throw new Error(`${this.spec.name} was never started`);
    return this.closed;
  }

  /** Sends a signal and waits for the exit; the exit counts as expected. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<ChildExit> {
    const exited = this.whenExited();
    if (!this.running) return exited;
    this.expectingExit = true;
    this.child!.kill(signal);
    return exited;
  }

  /** SIGTERM, then SIGKILL when the child is still there after `timeoutMs`. */
  async stop(timeoutMs: number): Promise<StopOutcome> {
    if (!this.closed) throw new Error(`${this.spec.name} was never started`);
    if (!this.running) return { exit: await this.closed, forced: false };
    this.expectingExit = true;
    this.child!.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const first = await Promise.race([this.closed, timedOut]);
    clearTimeout(timer);
    if (first !== 'timeout') return { exit: first, forced: false };
    this.record(`[launcher] no exit ${timeoutMs} ms after SIGTERM: SIGKILL`);
    this.child!.kill('SIGKILL');
    return { exit: await this.closed, forced: true };
  }

  /** Synchronous last resort (the parent is exiting): no waiting, no reporting. */
  killNow(): void {
    if (!this.running) return;
    this.expectingExit = true;
    this.child!.kill('SIGKILL');
  }

  /** Closes the log file; call once the child is stopped for good. */
  async closeLog(): Promise<void> {
    const log = this.log;
    this.log = undefined;
    if (log) await new Promise<void>((resolve) => log.end(resolve));
  }

  private record(line: string): void {
    this.lines.push(line);
    const keep = this.spec.keepLines ?? DEFAULT_KEEP_LINES;
    if (this.lines.length > keep * 2) this.lines.splice(0, this.lines.length - keep);
    this.log?.write(`${line}\n`);
  }
}
