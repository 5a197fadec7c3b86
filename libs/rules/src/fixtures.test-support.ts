import { domainItemSchema, type DomainItem, type DomainItemOf, type SyncLink } from '@connector/core';
import { rulesSchema, type Rules } from '@connector/config';
import { compileRules, type CompiledRules } from './compile-rules.js';
import type { ChangeInput, DecideContext, DecideInput } from './decide-input.js';

export const NOW = '2026-11-25T10:00:00Z';
export const MAILBOX = 'alice@demo.example';
export const LINK_ID = '0b0f5a0e-9a56-4b6a-9c52-2a4f8f7a1d11';

type Input<T extends DomainItem['type']> = Partial<DomainItemOf<T>>;

function parse<T extends DomainItem['type']>(type: T, fields: object): DomainItemOf<T> {
  return domainItemSchema.parse({ type, ...fields }) as DomainItemOf<T>;
}

export const appointment = (fields: Input<'appointment'> = {}) =>
  parse('appointment', { kind: 'visit', subject: 'Visit Acme', start: '2026-11-26T09:00:00+01:00', end: '2026-11-26T10:00:00+01:00', timeZone: 'Europe/Berlin', ...fields });
export const contact = (fields: Input<'contact'> = {}) => parse('contact', { givenName: 'Bea', surname: 'Berger', companyName: 'Acme', ...fields });
export const task = (fields: Input<'task'> = {}) => parse('task', { subject: 'Call back', due: '2026-11-30T17:00:00Z', ...fields });
export const absence = (fields: Input<'absence'> = {}) =>
  parse('absence', { kind: 'vacation', start: '2026-12-01T00:00:00+01:00', end: '2026-12-05T00:00:00+01:00', timeZone: 'Europe/Berlin', ...fields });
export const email = (fields: Input<'email'> = {}) =>
  parse('email', {
    internetMessageId: '<m1@acme.example>',
    subject: 'Offer',
    bodyText: 'Hello',
    receivedAt: '2026-11-24T08:00:00Z',
    direction: 'incoming',
    from: { address: 'bea@acme.example' },
    to: [{ address: MAILBOX }],
    sizeBytes: 2_000,
    ...fields,
  });

export function rules(overrides: Record<string, unknown> = {}): CompiledRules {
  return compileRules(rulesSchema.parse(overrides) as Rules);
}

export function link(item: DomainItem, fields: Partial<SyncLink> = {}): SyncLink {
  return {
    id: LINK_ID,
    mailbox: MAILBOX,
    objectType: item.type,
    exchange: { itemId: 'EX1', changeKey: 'ck1' },
    crm: { recordId: 'R1', version: '1' },
    base: item,
    state: 'active',
    version: 1,
    updatedAt: NOW,
    ...fields,
  };
}

export const context = (fields: Partial<DecideContext> = {}): DecideContext => ({
  now: NOW,
  mailbox: MAILBOX,
  isSyncedUser: (address) => address.endsWith('@demo.example'),
  ...fields,
});

export function upsert(origin: ChangeInput['origin'], item: DomainItem, version = '2', lastModified?: string): ChangeInput {
  return origin === 'exchange'
    ? { origin, kind: 'upsert', item, exchange: { itemId: 'EX1', changeKey: `ck${version}` }, lastModified }
    : { origin, kind: 'upsert', item, crm: { recordId: 'R1', version }, lastModified };
}

export function deletion(origin: ChangeInput['origin']): ChangeInput {
  return origin === 'exchange' ? { origin, kind: 'delete', exchange: { itemId: 'EX1', changeKey: 'gone' } } : { origin, kind: 'delete', crm: { recordId: 'R1', version: 'gone' } };
}

export function input(fields: Partial<DecideInput> & Pick<DecideInput, 'change'>): DecideInput {
  const objectType = fields.objectType ?? fields.change.item?.type ?? fields.link?.objectType ?? 'appointment';
  return { objectType, link: undefined, other: undefined, rules: rules(), context: context(), ...fields };
}

export function names(decision: { actions: readonly { name: string }[] }): string[] {
  return decision.actions.map((a) => a.name);
}

export function skipReason(decision: { actions: readonly { name: string; reason?: unknown }[] }): unknown {
  const first = decision.actions[0];
  return first?.name === 'Skip' ? first.reason : undefined;
}
