import { describe, expect, it } from 'vitest';
import { demoOptionsFromEnv } from './demo.config.js';
import { formatSummary, totalWrites } from './summary.js';

describe('demo options', () => {
  it('defaults to the documented ports, databases, prefix and data directory under the workspace', () => {
    const options = demoOptionsFromEnv({}, '/repo');
    expect(options).toMatchObject({
      dataDir: '/repo/.data/demo', redisPrefix: 'connector-demo', linkDatabase: 'connector_demo', crmDatabase: 'connector_demo_crm',
      ports: { ews: 8700, syncml: 8701, dashboard: 8710 },
    });
  });

  it('takes every DEMO_* override, and refuses a database name it would have to quote', () => {
    const options = demoOptionsFromEnv({ DEMO_DATA_DIR: '/tmp/d', DEMO_EWS_PORT: '0', DEMO_DATABASE: 't_links', DEMO_REDIS_PREFIX: 'p' }, '/repo');
    expect(options).toMatchObject({ dataDir: '/tmp/d', linkDatabase: 't_links', redisPrefix: 'p', ports: { ews: 0 } });
    expect(() => demoOptionsFromEnv({ DEMO_CRM_DATABASE: 'x"; DROP' })).toThrow('DEMO_CRM_DATABASE');
    expect(() => demoOptionsFromEnv({ DEMO_SYNCML_PORT: 'eighty' })).toThrow('DEMO_SYNCML_PORT');
  });
});

describe('summary', () => {
  it('lists each mailbox and type with created/updated/deleted per side, and a mailbox without changes as such', () => {
    const summary = {
      'a@x.example': { contact: { exchange: { created: 4, updated: 0, deleted: 1 }, crm: { created: 0, updated: 2, deleted: 0 } } },
      'b@x.example': {},
    };
    expect(totalWrites(summary)).toBe(7);
    const text = formatSummary(summary);
    expect(text).toMatch(/a@x\.example\s+contact\s+4\/0\/1\s+0\/2\/0/);
    expect(text).toMatch(/b@x\.example\s+\(all\)\s+no changes/);
  });
});
