import { Registry, collectDefaultMetrics } from 'prom-client';

/** A registry per service (not prom-client's global one) so tests and co-hosted apps never clash. */
export function createMetricsRegistry(service: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}
