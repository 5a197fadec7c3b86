import { ruleOverridesSchema, rulesSchema } from '@connector/config';
import { describe, expect, it } from 'vitest';
import { compileRules, flowsFrom } from './compile-rules.js';
import { builtInFields } from './fields/projection.js';

const mapping = { crmField: 'customerNo', exchange: { field: 'contacts:AccountName' } };

describe('compileRules', () => {
  it('gives each type its default direction and every built-in field a direction', () => {
    const r = compileRules(rulesSchema.parse({}));
    expect([r.email.direction, r.contact.direction, r.appointment.direction, r.task.direction, r.absence.direction]).toEqual([
      'exchange-to-crm',
      'crm-to-exchange',
      'both',
      'crm-to-exchange',
      'crm-to-exchange',
    ]);
    for (const type of ['email', 'contact', 'appointment', 'task', 'absence'] as const) {
      expect(Object.keys(r[type].fieldDirections).sort()).toEqual(builtInFields(type).sort());
    }
    expect(Object.values(r.contact.fieldDirections).every((d) => d === 'crm-to-exchange')).toBe(true);
    expect(Object.values(r.appointment.fieldDirections).every((d) => d === 'both')).toBe(true);
  });

  it('lets task status, % complete and completion flow back only while statusBack is on', () => {
    const on = compileRules(rulesSchema.parse({})).task.fieldDirections;
    expect([on.status, on.percentComplete, on.completedAt, on.subject, on.due]).toEqual(['both', 'both', 'both', 'crm-to-exchange', 'crm-to-exchange']);
    const off = compileRules(rulesSchema.parse({ task: { statusBack: false } })).task.fieldDirections;
    expect(off.status).toBe('crm-to-exchange');
  });

  it('maps extra fields with their own direction, defaulting to the type direction', () => {
    const r = compileRules(rulesSchema.parse({ contact: { fieldMapping: [mapping, { ...mapping, crmField: 'rating', direction: 'both' }] } }));
    expect(r.contact.fieldMapping.map((m) => [m.field, m.direction])).toEqual([
      ['extra.customerNo', 'crm-to-exchange'],
      ['extra.rating', 'both'],
    ]);
    expect(r.contact.fieldDirections['extra.rating']).toBe('both');
  });

  it('applies the mailbox overrides and disables a type whose direction is none', () => {
    const global = rulesSchema.parse({ appointment: { newOnlyFromCrm: false }, email: { ownDomains: ['@Demo.Example'] } });
    const overrides = ruleOverridesSchema.parse({ appointment: { newOnlyFromCrm: true, window: { pastDays: 7 } }, task: { direction: 'none' } });
    const r = compileRules(global, { overrides });
    expect(r.appointment.newOnlyFromCrm).toBe(true);
    expect(r.appointment.window).toEqual({ pastDays: 7, futureDays: 365, deletionPastDays: 30 });
    expect(r.task.enabled).toBe(false);
    expect(r.email.ownDomains).toEqual(['demo.example']);
    expect(compileRules(global).appointment.newOnlyFromCrm).toBe(false);
  });

  it('knows which way a change may travel', () => {
    expect(flowsFrom('both', 'exchange')).toBe(true);
    expect(flowsFrom('crm-to-exchange', 'exchange')).toBe(false);
    expect(flowsFrom('crm-to-exchange', 'crm')).toBe(true);
    expect(flowsFrom('none', 'crm')).toBe(false);
  });
});
