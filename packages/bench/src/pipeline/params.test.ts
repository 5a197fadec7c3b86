import { describe, expect, it } from 'vitest';
import { readParams, splitItems } from './params.js';

describe('pipeline bench parameters', () => {
  it('defaults to 20 mailboxes × 1,000 items, and the command line wins over the environment', () => {
    expect(readParams([], {})).toMatchObject({ mailboxes: 20, items: 1_000, bullmqJobs: 20_000 });
    expect(readParams(['--mailboxes', '3'], { BENCH_MAILBOXES: '5', BENCH_ITEMS: '200' })).toMatchObject({ mailboxes: 3, items: 200 });
  });

  it('refuses what is not a count', () => {
    expect(() => readParams([], { BENCH_ITEMS: 'many' })).toThrow('BENCH_ITEMS');
    expect(() => readParams(['--mailboxes', '0'], {})).toThrow('at least 1 mailbox');
  });

  it('splits a mailbox into CRM and Exchange appointments and CRM contacts', () => {
    expect(splitItems(readParams([], {}))).toEqual({ crmAppointments: 450, exchangeAppointments: 50, contacts: 500 });
    expect(splitItems(readParams(['--items', '3', '--exchange-share', '0'], {}))).toEqual({ crmAppointments: 2, exchangeAppointments: 0, contacts: 1 });
  });
});
