// Loaded into every child with --import: when the launcher that started this process is gone
// (a crashed or killed test runner), end this process too instead of leaving it running.
import process from 'node:process';
import { clearInterval, setInterval, setTimeout } from 'node:timers';

const parent = Number(process.env.LAUNCHER_PARENT_PID);
const GRACE_MS = 10_000;

if (parent > 0) {
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    // Once: services handle the first SIGTERM only, a second one would kill them mid-shutdown.
    clearInterval(timer);
    process.kill(process.pid, 'SIGTERM');
    setTimeout(() => process.exit(1), GRACE_MS).unref();
  }, 1_000).unref();
}
