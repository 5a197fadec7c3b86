import { describe, expect, it } from 'vitest';
import { decide } from './decide.js';
import { deletion, email, input, link, rules, skipReason, upsert } from './fixtures.test-support.js';

const mail = email();
const internalRules = rules({ email: { ownDomains: ['demo.example'], skipInternalOnly: true } });
const internal = email({ from: { address: 'bob@demo.example' }, cc: [{ address: 'carla@DEMO.example' }] });

describe('e-mails: Exchange → CRM, filed once', () => {
  it('files a mail moved into the CRM folder', () => {
    expect(decide(input({ change: upsert('exchange', mail) })).actions).toEqual([{ name: 'CreateInCrm', item: mail, asPrivate: false }]);
  });

  it('never files a draft, whatever the rules', () => {
    const draft = email({ isDraft: true });
    expect(skipReason(decide(input({ change: upsert('exchange', draft) })))).toBe('draft');
    expect(skipReason(decide(input({ change: upsert('exchange', draft), rules: rules({ email: { privateItems: 'sync' } }) })))).toBe('draft');
  });

  it('files a mail once: a linked mail is skipped, a deleted one stays filed', () => {
    expect(skipReason(decide(input({ link: link(mail), change: upsert('exchange', { ...mail, categories: ['CRM'] }) })))).toBe('already-filed');
    expect(skipReason(decide(input({ link: link(mail), change: deletion('exchange') })))).toBe('kept-in-crm');
    expect(skipReason(decide(input({ link: link(mail), change: deletion('crm') })))).toBe('direction');
  });

  it('never writes CRM e-mail activities back to Exchange', () => {
    expect(skipReason(decide(input({ change: upsert('crm', mail) })))).toBe('direction');
    expect(skipReason(decide(input({ change: upsert('exchange', mail), rules: rules({ email: { direction: 'crm-to-exchange' } }) })))).toBe('direction');
  });

  it('follows the private-items rule', () => {
    const secret = email({ sensitivity: 'confidential' });
    expect(decide(input({ change: upsert('exchange', secret) })).actions[0]).toMatchObject({ name: 'CreateInCrm', asPrivate: true });
    expect(skipReason(decide(input({ change: upsert('exchange', secret), rules: rules({ email: { privateItems: 'skip' } }) })))).toBe('private');
  });

  it('skips internal-only mails when the rule says so, and only then', () => {
    expect(skipReason(decide(input({ change: upsert('exchange', internal), rules: internalRules })))).toBe('internal-only');
    expect(decide(input({ change: upsert('exchange', internal) })).actions[0]?.name).toBe('CreateInCrm');
    const mixed = email({ from: { address: 'bob@demo.example' }, to: [{ address: 'bea@acme.example' }] });
    expect(decide(input({ change: upsert('exchange', mixed), rules: internalRules })).actions[0]?.name).toBe('CreateInCrm');
  });

  it('measures the window on the received (else sent) date', () => {
    expect(skipReason(decide(input({ change: upsert('exchange', email({ receivedAt: '2025-01-01T00:00:00Z' })) })))).toBe('outside-window');
    expect(skipReason(decide(input({ change: upsert('exchange', email({ receivedAt: undefined, sentAt: '2025-01-01T00:00:00Z' })) })))).toBe('outside-window');
  });
});
