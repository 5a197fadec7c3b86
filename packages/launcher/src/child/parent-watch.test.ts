import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const preload = new URL('../../preload/parent-watch.mjs', import.meta.url).href;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('parent-watch preload', () => {
  it('ends a child once the process that started it is killed', async () => {
    // The middle process plays the launcher: it starts a long-running child and reports its pid.
    const middle = spawn(process.execPath, ['-e', `
      const { spawn } = require('node:child_process');
      const child = spawn(process.execPath, ['--import', ${JSON.stringify(preload)}, '-e', 'setInterval(() => {}, 1000)'],
        { env: { ...process.env, LAUNCHER_PARENT_PID: String(process.pid) }, stdio: 'ignore' });
      console.log(child.pid);
      setInterval(() => {}, 1000);
    `], { stdio: ['ignore', 'pipe', 'inherit'] });
    const childPid = await new Promise<number>((resolve) => middle.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
    expect(alive(childPid)).toBe(true);
    middle.kill('SIGKILL');
    for (let i = 0; i < 100 && alive(childPid); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive(childPid)).toBe(false);
  });

  it('is a file beside src (children load it without tsx)', () => {
    expect(existsSync(fileURLToPath(preload))).toBe(true);
  });
});
