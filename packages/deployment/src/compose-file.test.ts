import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '../../..');

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile?: string; args?: Record<string, string> };
  command?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  restart?: string;
  profiles?: string[];
}
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
const services = Object.entries(compose.services);

function workspacePackageDir(name: string): string | undefined {
  for (const group of ['libs', 'services', 'packages']) {
    const dir = join(root, group, name.replace('@connector/', ''));
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name: string }).name === name) return dir;
  }
  return undefined;
}

describe('docker-compose.yml', () => {
  it('runs Redis with AOF and without eviction, and PostgreSQL, both health-checked', () => {
    const redis = compose.services.redis;
    expect(redis?.command).toEqual(expect.arrayContaining(['--appendonly', 'yes', '--maxmemory-policy', 'noeviction']));
    expect(redis?.healthcheck).toBeDefined();
    expect(compose.services.postgres?.healthcheck).toBeDefined();
  });

  it('only depends on services it defines', () => {
    for (const [name, service] of services) {
      for (const dependency of Object.keys(service.depends_on ?? {})) {
        expect(compose.services[dependency], `${name} depends on unknown ${dependency}`).toBeDefined();
      }
    }
  });

  it.each(services.filter(([, s]) => s.build))('%s builds a workspace package whose command exists', (name, service) => {
    const build = service.build!;
    expect(existsSync(join(root, build.context, build.dockerfile ?? 'Dockerfile')), `${name}: Dockerfile`).toBe(true);
    const pkg = build.args?.PACKAGE;
    expect(pkg, `${name}: PACKAGE build arg`).toBeTruthy();
    const dir = workspacePackageDir(pkg!);
    expect(dir, `${name}: ${pkg} is a workspace package`).toBeDefined();
    const manifest = JSON.parse(readFileSync(join(dir!, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
    expect(manifest.scripts?.build, `${name}: ${pkg} has a build script`).toBeTruthy();
    const [runtime, script] = service.command ?? [];
    expect(runtime).toBe('node');
    // dist/x.js is compiled from src/x.ts by the package build.
    const source = join(dir!, script!.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts'));
    expect(existsSync(source), `${name}: ${source}`).toBe(true);
    expect(service.healthcheck, `${name}: healthcheck`).toBeDefined();
    expect(service.restart, `${name}: restart policy`).toBe('unless-stopped');
  });
});
