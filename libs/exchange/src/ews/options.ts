import { ExchangeError } from '../errors/exchange.error.js';
import type { ExchangeGatewayOptions } from '../ews-gateway.config.js';
import { MAX_CHANGES_PER_PAGE } from '../exchange.port.js';

/** Every problem with the options at once, before anything is connected. */
export function validateOptions(options: ExchangeGatewayOptions): void {
  const problems: string[] = [];
  let url: URL | undefined;
  try {
    url = new URL(options.url);
  } catch {
    problems.push(`url "${options.url}" is not a URL`);
  }
  if (url && url.protocol !== 'https:' && url.protocol !== 'http:') problems.push(`url must be http(s), got ${url.protocol}`);
  const positive: [keyof ExchangeGatewayOptions, number | undefined][] = [
    ['timeoutMs', options.timeoutMs], ['maxConcurrency', options.maxConcurrency], ['backOffBaseMs', options.backOffBaseMs], ['backOffMaxMs', options.backOffMaxMs],
  ];
  for (const [name, value] of positive) if (value !== undefined && !(Number.isInteger(value) && value > 0)) problems.push(`${name} must be a positive integer, got ${value}`);
  if (options.maxThrottleRetries !== undefined && !(Number.isInteger(options.maxThrottleRetries) && options.maxThrottleRetries >= 0)) problems.push(`maxThrottleRetries must be an integer ≥ 0`);
  if (options.batchSize !== undefined && !(Number.isInteger(options.batchSize) && options.batchSize >= 1 && options.batchSize <= MAX_CHANGES_PER_PAGE)) problems.push(`batchSize must be 1..${MAX_CHANGES_PER_PAGE}`);
  if (options.propertySetId !== undefined && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(options.propertySetId)) problems.push('propertySetId must be a GUID');
  const auth = options.auth;
  if ((auth.kind === 'basic' || auth.kind === 'ntlm') && (!auth.username || !auth.password)) problems.push(`${auth.kind} auth needs username and password`);
  if (problems.length > 0) throw new ExchangeError('EXCHANGE_BAD_INPUT', `invalid Exchange gateway options: ${problems.join('; ')}`);
}
