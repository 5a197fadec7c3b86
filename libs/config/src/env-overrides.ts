/**
 * Connection settings that deployments set per environment (docker compose, CI) rather than in
 * the file. Each wins over the file's value.
 */
export const ENV_OVERRIDES: ReadonlyArray<{ env: string; path: readonly string[]; number?: boolean }> = [
  { env: 'EXCHANGE_URL', path: ['exchange', 'url'] },
  { env: 'CRM_URL', path: ['crm', 'url'] },
  { env: 'REDIS_URL', path: ['redis', 'url'] },
  { env: 'QUEUE_PREFIX', path: ['redis', 'prefix'] },
  { env: 'DATABASE_URL', path: ['database', 'url'] },
  { env: 'DASHBOARD_PORT', path: ['dashboard', 'port'], number: true },
  { env: 'LOG_LEVEL', path: ['logLevel'] },
];

export function applyEnvOverrides(raw: unknown, env: NodeJS.ProcessEnv): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const copy = structuredClone(raw) as Record<string, unknown>;
  for (const { env: name, path, number } of ENV_OVERRIDES) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    let node = copy;
    for (const key of path.slice(0, -1)) {
      const next = node[key];
      node[key] = next && typeof next === 'object' && !Array.isArray(next) ? next : {};
      node = node[key] as Record<string, unknown>;
    }
    node[path[path.length - 1] as string] = number ? Number(value) : value;
  }
  return copy;
}
