import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LauncherError } from '../launcher.error.js';

/** `auto`: the built `dist/main.js` when it is newer than every source it was built from, else tsx. */
export type RunFrom = 'auto' | 'dist' | 'source';

export interface EntryPoint {
  command: string;
  args: string[];
  from: 'dist' | 'source';
}

const WORKSPACE_FOLDERS = ['libs', 'services', 'packages'];
const IGNORED_SOURCES = /\.(test|test-support)\.ts$/;

/** Package name → directory for every workspace package under `rootDir`. */
export function workspacePackages(rootDir: string): Map<string, string> {
  const packages = new Map<string, string>();
  for (const folder of WORKSPACE_FOLDERS) {
    const base = join(rootDir, folder);
    if (!existsSync(base)) continue;
    for (const entry of readdirSync(base)) {
      const manifest = join(base, entry, 'package.json');
      if (!existsSync(manifest)) continue;
      const { name } = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string };
      if (name) packages.set(name, join(base, entry));
    }
  }
  return packages;
}

function newestSourceMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceMtime(path));
    else if (entry.name.endsWith('.ts') && !IGNORED_SOURCES.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function mtime(path: string): number {
  return existsSync(path) ? statSync(path).mtimeMs : -1;
}

/** Workspace dependencies of a package, transitively (the package itself included). */
function workspaceClosure(packageDir: string, packages: Map<string, string>): string[] {
  const seen = new Set<string>([packageDir]);
  const queue = [packageDir];
  while (queue.length > 0) {
    const dir = queue.pop()!;
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
    for (const [name, range] of Object.entries(manifest.dependencies ?? {})) {
      const depDir = packages.get(name);
      if (!range.startsWith('workspace:') || !depDir || seen.has(depDir)) continue;
      seen.add(depDir);
      queue.push(depDir);
    }
  }
  return [...seen];
}

/**
 * Whether `dist/main.js` may run: it exists, and the package and each workspace library it loads
 * through the `default` condition were built after their newest source file.
 */
export function distIsCurrent(packageDir: string, rootDir: string): boolean {
  const main = join(packageDir, 'dist', 'main.js');
  if (mtime(main) < newestSourceMtime(join(packageDir, 'src'))) return false;
  return workspaceClosure(packageDir, workspacePackages(rootDir))
    .filter((dir) => dir !== packageDir)
    .every((dir) => mtime(join(dir, 'dist', 'index.js')) >= newestSourceMtime(join(dir, 'src')));
}

function tsxLoaderUrl(): string {
  return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
}

/** How to start a workspace package's `main`: node on the build, or node + tsx on the sources. */
export function resolveEntryPoint(packageDir: string, rootDir: string, runFrom: RunFrom = 'auto'): EntryPoint {
  const dist = join(packageDir, 'dist', 'main.js');
  const source = join(packageDir, 'src', 'main.ts');
  if (runFrom === 'dist' || (runFrom === 'auto' && existsSync(dist) && distIsCurrent(packageDir, rootDir))) {
    if (!existsSync(dist)) throw new LauncherError('ENTRY_NOT_FOUND', `${dist} does not exist (build the package or run from source)`);
    return { command: process.execPath, args: ['--enable-source-maps', dist], from: 'dist' };
  }
  if (!existsSync(source)) throw new LauncherError('ENTRY_NOT_FOUND', `neither an up-to-date ${dist} nor ${source}`);
  // The "source" condition makes workspace imports load TypeScript sources, as the tests do.
  return { command: process.execPath, args: ['--conditions=source', '--import', tsxLoaderUrl(), source], from: 'source' };
}
