import { demoOptionsFromEnv } from './demo.config.js';
import { startDemo, type RunningDemo } from './run-demo.js';

// Signals arriving during the start-up are kept and acted on once it is done; a second one ends
// at once (the launcher then kills the children).
let signalled: NodeJS.Signals | undefined;
let demo: RunningDemo | undefined;
let stopping = false;

async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping || !demo) return;
  stopping = true;
  process.stdout.write(`\n${signal}: stopping every process…\n`);
  const report = await demo.stop();
  const problems = [...report.unexpectedExits.map((e) => `${e.name} had exited on its own`), ...report.forced.map((n) => `${n} needed SIGKILL`)];
  process.stdout.write(problems.length ? `Stopped (${problems.join('; ')}).\n` : 'Stopped.\n');
  process.exit(0);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (signalled) process.exit(130);
    signalled = signal;
    if (demo) void shutdown(signal);
    else process.stdout.write(`\n${signal}: stopping once the start-up is done (again to abort)…\n`);
  });
}

try {
  demo = await startDemo(demoOptionsFromEnv());
  if (signalled) await shutdown(signalled);
} catch (error) {
  process.stderr.write(`The demo could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
