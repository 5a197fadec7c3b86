/**
 * Polls an async condition until it holds, e.g. "the simulator has seen a CreateItem" before a
 * service is killed. The error names what was awaited.
 */
export async function until(condition: () => Promise<boolean> | boolean, what: string, options: { timeoutMs?: number; intervalMs?: number } = {}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${options.timeoutMs ?? 30_000} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 25));
  }
}
