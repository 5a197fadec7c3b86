import { existsSync } from 'node:fs';

/** True when a container runtime answers, so testcontainers can start servers for us. */
export function containerRuntimeAvailable(): boolean {
  if (process.env.DOCKER_HOST) return true;
  return existsSync('/var/run/docker.sock');
}

/** A short id unique to this process and call, safe in Redis keys and PostgreSQL names. */
export function uniqueSuffix(): string {
  const rand = Math.random().toString(36).slice(2, 8);
  return `${process.pid.toString(36)}${Date.now().toString(36)}${rand}`;
}
