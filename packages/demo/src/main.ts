import { demoOptionsFromEnv } from './demo.config.js';
import { startDemo, type RunningDemo } from './run-demo.js';

// One Ctrl-C can arrive twice: from the terminal (to the whole process group) and forwarded by
// `pnpm`. Repeats within this window are the same request; a later one aborts at once (the
// launcher then kills the children).
const SAME_SIGNAL_MS = 1_500;
let firstSignalAt: number | undefined;
let demo: RunningDemo | undefined;
let stopping = false;

async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping || !demo) return;
  stopping = true;
  process.stdout.write(`\n${signal}: stopping every process…\n`);
  const report = await demo.stop().catch((error: unknown) => {
    process.stderr.write(`Stopping failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
  const problems = [...report.unexpectedExits.map((e) => `${e.name} had exited on its own`), ...report.forced.map((n) => `${n} needed SIGKILL`)];
  process.stdout.write(problems.length ? `Stopped (${problems.join('; ')}).\n` : 'Stopped.\n');
  process.exit(0);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (firstSignalAt !== undefined) {
      if (Date.now() - firstSignalAt > SAME_SIGNAL_MS) process.exit(130);
      return;
    }
    firstSignalAt = Date.now();
    if (demo) void shutdown(signal);
    else process.stdout.write(`\n${signal}: stopping once the start-up is done (again to abort)…\n`);
  });
}

try {
  demo = await startDemo(demoOptionsFromEnv());
  if (firstSignalAt !== undefined) await shutdown('SIGINT');
} catch (error) {
  process.stderr.write(`The demo could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
