import { describe, expect, it } from 'vitest';
import { decide } from './decide.js';
import { context, deletion, input, link, names, rules, skipReason, task, upsert } from './fixtures.test-support.js';

const crmTask = task({ subject: 'Call Bea', body: 'About the offer', status: 'notStarted' });
const l = link(crmTask);

describe('tasks: CRM → Exchange, status back', () => {
  it('creates the user’s CRM tasks in Exchange; not other reps’, not Outlook-created ones', () => {
    expect(decide(input({ change: upsert('crm', crmTask) })).actions).toEqual([{ name: 'CreateInExchange', item: crmTask, asPrivate: false }]);
    expect(skipReason(decide(input({ change: upsert('crm', crmTask), context: context({ crmAssignedToUser: false }) })))).toBe('not-assigned');
    expect(skipReason(decide(input({ change: upsert('exchange', task()) })))).toBe('direction');
  });

  it('ignores delegated tasks, new or linked', () => {
    expect(skipReason(decide(input({ change: upsert('exchange', task({ isDelegated: true })) })))).toBe('delegated');
    expect(skipReason(decide(input({ link: l, change: upsert('exchange', { ...crmTask, isDelegated: true, subject: 'x' }) })))).toBe('delegated');
    expect(skipReason(decide(input({ change: upsert('crm', task({ isDelegated: true })) })))).toBe('delegated');
  });

  it('sends status, % complete and completion back to the CRM, and only those fields', () => {
    const done = { ...crmTask, status: 'completed' as const, percentComplete: 100, completedAt: '2026-11-25T09:30:00+01:00' };
    const d = decide(input({ link: l, change: upsert('exchange', done) }));
    expect(d.actions).toMatchObject([{ name: 'UpdateCrmFromExchange', crm: l.crm, fields: ['completedAt', 'status', 'percentComplete'] }]);
  });

  it('overwrites Outlook edits of CRM-owned fields; both kinds at once → MergeAndUpdateBoth', () => {
    const renamed = { ...crmTask, subject: 'Call Bea now' };
    expect(decide(input({ link: l, change: upsert('exchange', renamed) })).actions).toMatchObject([{ name: 'UpdateExchangeFromCrm', fields: ['subject'], item: { subject: 'Call Bea' } }]);
    const both = { ...renamed, status: 'inProgress' as const, percentComplete: 50 };
    expect(decide(input({ link: l, change: upsert('exchange', both) })).actions).toMatchObject([
      { name: 'MergeAndUpdateBoth', exchangeFields: ['subject'], crmFields: ['status', 'percentComplete'] },
    ]);
  });

  it('keeps status CRM-owned too when statusBack is off', () => {
    const done = { ...crmTask, status: 'completed' as const };
    const d = decide(input({ link: l, change: upsert('exchange', done), rules: rules({ task: { statusBack: false } }) }));
    expect(d.actions).toMatchObject([{ name: 'UpdateExchangeFromCrm', fields: ['status'] }]);
  });

  it('resolves a status changed in both places by the policy', () => {
    const d = decide(input({ link: l, change: upsert('exchange', { ...crmTask, status: 'completed' }), other: { item: { ...crmTask, status: 'deferred' } } }));
    expect(names(d)).toEqual(['UpdateExchangeFromCrm', 'Conflict']);
    expect(d.conflicts[0]).toMatchObject({ field: 'status', winner: 'crm' });
  });

  it('removes a reassigned task from this mailbox (the new owner’s mailbox creates it)', () => {
    const d = decide(input({ link: l, change: upsert('crm', crmTask, '5'), context: context({ crmAssignedToUser: false }) }));
    expect(d.actions).toEqual([{ name: 'DeleteInExchange', exchange: l.exchange }]);
  });

  it('deletes in Exchange on a CRM delete and recreates a task deleted in Outlook', () => {
    expect(names(decide(input({ link: l, change: deletion('crm') })))).toEqual(['DeleteInExchange']);
    expect(decide(input({ link: l, change: deletion('exchange') })).actions).toEqual([{ name: 'CreateInExchange', item: crmTask, asPrivate: false }]);
    expect(skipReason(decide(input({ link: l, change: deletion('exchange'), context: context({ crmAssignedToUser: false }) })))).toBe('not-assigned');
  });

  it('measures the window on the due date, else the start; undated tasks always sync', () => {
    expect(skipReason(decide(input({ change: upsert('crm', task({ due: '2025-01-01T00:00:00Z' })) })))).toBe('outside-window');
    expect(skipReason(decide(input({ change: upsert('crm', task({ due: undefined, start: '2025-01-01T00:00:00Z' })) })))).toBe('outside-window');
    expect(names(decide(input({ change: upsert('crm', task({ due: undefined })) })))).toEqual(['CreateInExchange']);
  });

  it('quarantines a task due before it starts', () => {
    expect(names(decide(input({ change: upsert('crm', task({ start: '2026-12-01T00:00:00Z', due: '2026-11-30T00:00:00Z' })) })))).toEqual(['Quarantine']);
  });
});
