export { isolatedRedis, resolveRedisUrl, deleteKeysWithPrefix, type IsolatedRedis } from './redis.js';
export { isolatedDatabase, resolveDatabaseUrl, type IsolatedDatabase } from './postgres.js';
export { freePort } from './ports.js';
export { containerRuntimeAvailable } from './runtime.js';
export { EwsSchemaCollector, bodyChild } from './ews-schema-collector.js';
