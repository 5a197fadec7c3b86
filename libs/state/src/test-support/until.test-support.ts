/** Polls until `condition` holds (a worker finished), failing after `timeoutMs`. */
export function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (condition()) return resolve();
      if (Date.now() - started > timeoutMs) return reject(new Error('timed out waiting for a condition'));
      setTimeout(tick, 20);
    };
    tick();
  });
}
