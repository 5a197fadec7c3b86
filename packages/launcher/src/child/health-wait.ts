import { LauncherError } from '../launcher.error.js';
import type { ManagedChild } from './managed-child.js';

export interface HealthWaitOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Lines of the child's output quoted in the error message. */
  quoteLines?: number;
}

function quote(child: ManagedChild, count: number): string {
  const lines = child.lastLines(count);
  return lines.length === 0 ? '(no output)' : lines.map((l) => `  | ${l}`).join('\n');
}

/**
 * Polls `url` until it answers 2xx. Fails at once when the child exits meanwhile, and after the
 * timeout otherwise; both errors quote the child's last output lines and name its log file.
 */
export async function waitUntilHealthy(child: ManagedChild, url: string, options: HealthWaitOptions): Promise<void> {
  const interval = options.intervalMs ?? 50;
  const quoteLines = options.quoteLines ?? 30;
  const deadline = Date.now() + options.timeoutMs;
  const exited = child.whenExited().then(() => 'exited' as const);
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (!child.running) {
      const exit = await child.whenExited();
      throw new LauncherError(
        'CHILD_EXITED',
        `${child.spec.name} exited (code ${exit.code}, signal ${exit.signal}) before ${url} answered; log ${child.spec.logFile}:\n${quote(child, quoteLines)}`,
      );
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(Math.max(500, Math.min(2_000, deadline - Date.now()))) });
      await response.body?.cancel();
      if (response.ok) return;
      lastProblem = `HTTP ${response.status}`;
    } catch (error) {
      lastProblem = (error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message;
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, interval))]);
  }
  throw new LauncherError(
    'HEALTH_TIMEOUT',
    `${child.spec.name}: ${url} not healthy after ${options.timeoutMs} ms (${lastProblem}); log ${child.spec.logFile}:\n${quote(child, quoteLines)}`,
  );
}
