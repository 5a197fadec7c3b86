import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '@connector/testing';
import { LauncherError } from '../launcher.error.js';
import { waitUntilHealthy } from './health-wait.js';
import { ManagedChild, type ChildExit } from './managed-child.js';

const dir = mkdtempSync(join(tmpdir(), 'managed-child-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function nodeChild(name: string, script: string, onUnexpected?: (exit: ChildExit) => void): ManagedChild {
  return new ManagedChild(
    { name, command: process.execPath, args: ['-e', script], cwd: dir, env: { ...process.env }, logFile: join(dir, `${name}.log`), keepLines: 5 },
    onUnexpected,
  );
}

const untilLine = async (child: ManagedChild, text: string) => {
  for (let i = 0; i < 200 && !child.lastLines().some((l) => l.includes(text)); i++) await new Promise((r) => setTimeout(r, 10));
};

describe('ManagedChild', () => {
  it('writes stdout and stderr lines to its log file and keeps the last ones in memory', async () => {
    const child = nodeChild('talker', 'for (let i = 1; i <= 12; i++) console.log("line " + i); console.error("oops")');
    child.start();
    const exit = await child.whenExited();
    await child.closeLog();
    expect(exit).toMatchObject({ name: 'talker', code: 0, expected: false });
    const log = readFileSync(join(dir, 'talker.log'), 'utf8');
    expect(log).toContain('line 1\n');
    expect(log).toContain('[stderr] oops\n');
    expect(child.lastLines(3).at(-2)).toBe('[stderr] oops');
    expect(child.lastLines().length).toBeLessThanOrEqual(5);
  });

  it('stops with SIGTERM when the child obeys, and reports nothing unexpected', async () => {
    const unexpected: ChildExit[] = [];
    const child = nodeChild('polite', 'setInterval(() => {}, 1000); console.log("up")', (e) => unexpected.push(e));
    child.start();
    await untilLine(child, 'up');
    const pid = child.pid!;
    const outcome = await child.stop(5_000);
    expect(outcome).toMatchObject({ forced: false, exit: { signal: 'SIGTERM', expected: true } });
    expect(() => process.kill(pid, 0)).toThrow();
    expect(unexpected).toEqual([]);
  });

  it('sends SIGKILL when SIGTERM is ignored past the timeout', async () => {
    const child = nodeChild('stubborn', 'process.on("SIGTERM", () => console.log("ignored")); setInterval(() => {}, 1000); console.log("up")');
    child.start();
    await untilLine(child, 'up');
    const outcome = await child.stop(300);
    expect(outcome).toMatchObject({ forced: true, exit: { signal: 'SIGKILL', expected: true } });
    expect(child.lastLines().join('\n')).toContain('SIGKILL');
  });

  it('reports an exit nobody asked for, and can be started again', async () => {
    const unexpected: ChildExit[] = [];
    const child = nodeChild('crasher', 'console.log("dying"); process.exit(3)', (e) => unexpected.push(e));
    child.start();
    await child.whenExited();
    child.start();
    await child.whenExited();
    expect(unexpected.map((e) => e.code)).toEqual([3, 3]);
    expect(unexpected[0]!.lastLines.join('\n')).toContain('dying');
    expect(child.exits).toHaveLength(2);
  });
});

describe('waitUntilHealthy', () => {
  it('returns once the URL answers 2xx', async () => {
    const port = await freePort();
    const child = nodeChild('server', `setTimeout(() => require("http").createServer((q, s) => s.end("ok")).listen(${port}, "127.0.0.1"), 200)`);
    child.start();
    await waitUntilHealthy(child, `http://127.0.0.1:${port}/ready`, { timeoutMs: 5_000 });
    await child.stop(2_000);
  });

  it('fails at once with the last output when the child exits first', async () => {
    const child = nodeChild('early-exit', 'console.error("config invalid: redis.url"); process.exit(2)');
    child.start();
    const error = await waitUntilHealthy(child, 'http://127.0.0.1:9/ready', { timeoutMs: 10_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LauncherError);
    expect(error).toMatchObject({ code: 'CHILD_EXITED' });
    expect((error as Error).message).toContain('config invalid: redis.url');
  });

  it('times out while the endpoint answers 503, naming the status', async () => {
    const server = createServer((_q, s) => s.writeHead(503).end()).listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as { port: number }).port;
    const child = nodeChild('unready', 'setInterval(() => {}, 1000)');
    child.start();
    const error = await waitUntilHealthy(child, `http://127.0.0.1:${port}/ready`, { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'HEALTH_TIMEOUT' });
    expect((error as Error).message).toContain('HTTP 503');
    await child.stop(2_000);
    server.close();
  });
});
