import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { configSchema, type ConnectorConfig } from './config.schema.js';
import { ConfigError, formatPath, type ConfigProblem } from './config.error.js';
import { resolveSecrets } from './secrets.js';
import { applyEnvOverrides } from './env-overrides.js';

export interface ParseOptions {
  /** Shown in the error message: the file name, or "inline". */
  source?: string;
  env?: NodeJS.ProcessEnv;
  baseDir?: string;
}

function issueProblems(issues: z.core.$ZodIssue[]): ConfigProblem[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: formatPath([...issue.path, key]), message: 'unknown key' }));
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0 && issue.path.length > 0) {
      // A failed union (auth kind, secret form) reads best as the message of its closest branch.
      const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      if (closest.length > 0) return issueProblems(closest.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })));
    }
    return [{ path: formatPath(issue.path), message: issue.message }];
  });
}

/** Validates a config object: defaults applied, secrets resolved, or one error listing every problem. */
export function parseConfig(raw: unknown, options: ParseOptions = {}): ConnectorConfig {
  const env = options.env ?? process.env;
  const source = options.source ?? 'inline';
  const result = configSchema.safeParse(applyEnvOverrides(raw ?? {}, env));
  if (!result.success) throw new ConfigError(source, issueProblems(result.error.issues));
  const problems: ConfigProblem[] = [];
  const resolved = resolveSecrets(result.data, { env, baseDir: options.baseDir ?? process.cwd() }, problems);
  if (problems.length > 0) throw new ConfigError(source, problems);
  return resolved as ConnectorConfig;
}

/** Reads and validates a YAML config file; YAML syntax errors are reported with their line. */
export function loadConfigFile(path: string, env: NodeJS.ProcessEnv = process.env): ConnectorConfig {
  const absolute = resolve(path);
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new ConfigError(path, [{ path: '(file)', message: `cannot read: ${(error as NodeJS.ErrnoException).code ?? String(error)}` }]);
  }
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    throw new ConfigError(
      path,
      document.errors.map((e) => ({ path: `line ${e.linePos?.[0]?.line ?? '?'}`, message: e.message.split('\n')[0] ?? e.code })),
    );
  }
  return parseConfig(document.toJS(), { source: path, env, baseDir: dirname(absolute) });
}
