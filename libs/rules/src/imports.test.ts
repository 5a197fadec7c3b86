import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = import.meta.dirname;
const ALLOWED_PACKAGES = new Set(['@connector/core', '@connector/config']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    // Tests and their support may use vitest, fast-check and node:fs; shipped code may not.
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.name.endsWith('.test-support.ts') ? [path] : [];
  });
}

const IMPORT = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/g;
const DYNAMIC = /\bimport\s*\(|\brequire\s*\(/;

/** The offending imports of one file's text: anything but relative, core, config and type-only node. */
function forbiddenImports(text: string): string[] {
  const bad: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const [, , typeOnly, specifier = ''] = match;
    if (specifier.startsWith('./') || specifier.startsWith('../') || ALLOWED_PACKAGES.has(specifier)) continue;
    if (specifier.startsWith('node:') && typeOnly) continue;
    bad.push(specifier);
  }
  if (DYNAMIC.test(text)) bad.push('dynamic import/require');
  return bad;
}

describe('dependency rule: the decision imports only @connector/core and @connector/config', () => {
  it('finds the shipped source files', () => {
    expect(sourceFiles(SRC).map((f) => relative(SRC, f))).toEqual(expect.arrayContaining(['decide.ts', 'merge.ts', 'compile-rules.ts']));
  });

  it.each(sourceFiles(SRC).map((f) => [relative(SRC, f), f]))('%s imports nothing else', (_name, file) => {
    expect(forbiddenImports(readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('would catch a database, a queue, node I/O and a dynamic import', () => {
    const text = "import pg from 'pg';\nimport { Queue } from 'bullmq';\nimport { readFileSync } from 'node:fs';\nimport type { Readable } from 'node:stream';\nconst m = await import('x');\n";
    expect(forbiddenImports(text)).toEqual(['pg', 'bullmq', 'node:fs', 'dynamic import/require']);
    expect(forbiddenImports("import { decide } from './decide.js';\nimport type { Rules } from '@connector/config';\n")).toEqual([]);
  });
});
