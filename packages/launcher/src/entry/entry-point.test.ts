import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { distIsCurrent, resolveEntryPoint } from './entry-point.js';

const root = mkdtempSync(join(tmpdir(), 'entry-point-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function file(path: string, content: string, secondsAgo: number): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  const at = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(path, at, at);
}

/** A workspace with a service depending on one library; every file dated `secondsAgo`. */
function workspace(name: string, ages: { serviceSrc: number; serviceDist: number; libSrc: number; libDist: number }): string {
  const dir = join(root, name);
  file(join(dir, 'libs/lib/package.json'), JSON.stringify({ name: '@t/lib' }), 100);
  file(join(dir, 'libs/lib/src/index.ts'), '', ages.libSrc);
  file(join(dir, 'libs/lib/src/index.test.ts'), '', 0);
  file(join(dir, 'libs/lib/dist/index.js'), '', ages.libDist);
  file(join(dir, 'services/svc/package.json'), JSON.stringify({ name: '@t/svc', dependencies: { '@t/lib': 'workspace:*', zod: '^4' } }), 100);
  file(join(dir, 'services/svc/src/main.ts'), '', ages.serviceSrc);
  file(join(dir, 'services/svc/dist/main.js'), '', ages.serviceDist);
  return dir;
}

describe('resolveEntryPoint', () => {
  it('runs the build when it is newer than the sources of the service and its libraries (tests do not count)', () => {
    const dir = workspace('fresh', { serviceSrc: 50, serviceDist: 10, libSrc: 50, libDist: 10 });
    expect(distIsCurrent(join(dir, 'services/svc'), dir)).toBe(true);
    const entry = resolveEntryPoint(join(dir, 'services/svc'), dir);
    expect(entry).toMatchObject({ from: 'dist', command: process.execPath });
    expect(entry.args.at(-1)).toBe(join(dir, 'services/svc/dist/main.js'));
  });

  it('runs the sources through tsx with the source condition when a library changed after its build', () => {
    const dir = workspace('stale-lib', { serviceSrc: 50, serviceDist: 10, libSrc: 5, libDist: 10 });
    const entry = resolveEntryPoint(join(dir, 'services/svc'), dir);
    expect(entry.from).toBe('source');
    expect(entry.args).toContain('--conditions=source');
    expect(entry.args[entry.args.indexOf('--import') + 1]).toMatch(/^file:.*tsx/);
    expect(entry.args.at(-1)).toBe(join(dir, 'services/svc/src/main.ts'));
  });

  it('runs the sources when the service itself changed after its build, and honours an explicit choice', () => {
    const dir = workspace('stale-service', { serviceSrc: 5, serviceDist: 10, libSrc: 50, libDist: 10 });
    expect(resolveEntryPoint(join(dir, 'services/svc'), dir).from).toBe('source');
    expect(resolveEntryPoint(join(dir, 'services/svc'), dir, 'dist').from).toBe('dist');
  });

  it('says what is missing when there is nothing to run', () => {
    mkdirSync(join(root, 'empty/services/none'), { recursive: true });
    expect(() => resolveEntryPoint(join(root, 'empty/services/none'), join(root, 'empty'))).toThrow(/neither an up-to-date .*dist\/main\.js nor .*src\/main\.ts/);
  });
});
