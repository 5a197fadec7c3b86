import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ACTION_NAMES } from '@connector/core';
import { describe, expect, it } from 'vitest';
import { SKIP_REASONS, targetsOf, writesOf, type Action } from './actions.js';
import { appointment } from './fixtures.test-support.js';

const readme = readFileSync(join(import.meta.dirname, '../README.md'), 'utf8');
const item = appointment();

describe('actions', () => {
  it('name the side each write goes to', () => {
    const cases: [Action, string[]][] = [
      [{ name: 'CreateInExchange', item, asPrivate: false }, ['exchange']],
      [{ name: 'UpdateCrmFromExchange', crm: undefined, item, fields: ['subject'], asPrivate: false }, ['crm']],
      [{ name: 'MergeAndUpdateBoth', exchange: undefined, crm: undefined, item, exchangeFields: [], crmFields: [], asPrivate: false }, ['exchange', 'crm']],
      [{ name: 'FlagDeletedInCrm', crm: undefined }, ['crm']],
      [{ name: 'Publish', crm: undefined, item, asPrivate: false }, ['crm']],
      [{ name: 'Skip', reason: 'echo' }, []],
      [{ name: 'Conflict', conflicts: [] }, []],
      [{ name: 'Quarantine', reason: 'invalid', side: 'crm', problems: [] }, []],
    ];
    for (const [action, sides] of cases) expect(targetsOf(action)).toEqual(sides);
    expect(writesOf({ actions: cases.map(([a]) => a), conflicts: [], reason: '', base: undefined }).map((a) => a.name)).toEqual([
      'CreateInExchange',
      'UpdateCrmFromExchange',
      'MergeAndUpdateBoth',
      'FlagDeletedInCrm',
      'Publish',
    ]);
  });

  it('are all documented in the README, with every skip reason, since the dashboard and plan show them', () => {
    for (const name of ACTION_NAMES) expect(readme).toContain(`\`${name}`);
    for (const reason of SKIP_REASONS) expect(readme).toContain(`\`${reason}\``);
  });
});
