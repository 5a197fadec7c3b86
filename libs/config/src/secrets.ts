import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatPath, type ConfigProblem } from './config.error.js';

export interface SecretSources {
  env: NodeJS.ProcessEnv;
  /** Directory relative secret files are read from (the config file's directory). */
  baseDir: string;
}

function isSecretRef(value: unknown): value is { env: string } | { file: string } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'env' || keys[0] === 'file');
}

/** Replaces every `{ env }` / `{ file }` reference by its value; a missing one is a problem at its path. */
export function resolveSecrets(value: unknown, sources: SecretSources, problems: ConfigProblem[], path: PropertyKey[] = []): unknown {
  if (isSecretRef(value)) {
    if ('env' in value) {
      const found = sources.env[value.env];
      if (found === undefined || found === '') problems.push({ path: formatPath(path), message: `environment variable ${value.env} is not set` });
      return found ?? '';
    }
    try {
      return readFileSync(resolve(sources.baseDir, value.file), 'utf8').replace(/\r?\n$/, '');
    } catch (error) {
      problems.push({ path: formatPath(path), message: `cannot read secret file ${value.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
      return '';
    }
  }
  if (Array.isArray(value)) return value.map((item, index) => resolveSecrets(item, sources, problems, [...path, index]));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolveSecrets(item, sources, problems, [...path, key])]));
  }
  return value;
}
