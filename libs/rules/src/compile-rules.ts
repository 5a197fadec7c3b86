import type { ObjectType } from '@connector/core';
import { effectiveRules, type MailboxConfig, type Rules } from '@connector/config';
import { builtInFields } from './fields/projection.js';
import { TASK_STATUS_FIELDS } from './fields/task.fields.js';

export type Direction = 'exchange-to-crm' | 'crm-to-exchange' | 'both' | 'none';
export type ConflictPolicy = 'crm-wins' | 'exchange-wins' | 'newest-wins';
export type PrivateItems = 'skip' | 'sync' | 'sync-as-private';
export type FieldDirections = Readonly<Record<string, Direction>>;

export interface TimeWindow {
  readonly pastDays: number;
  readonly futureDays: number;
  readonly deletionPastDays: number;
}

/** A mapped field: the CRM field travels in the domain item as `extra.<crmField>`. */
export interface CompiledFieldMapping {
  readonly crmField: string;
  readonly field: `extra.${string}`;
  readonly exchange: Rules['contact']['fieldMapping'][number]['exchange'];
  readonly direction: Direction;
}

interface CompiledTypeRulesBase<T extends ObjectType> {
  readonly objectType: T;
  /** False when the rule is disabled or its direction is `none`: nothing of this type syncs. */
  readonly enabled: boolean;
  readonly direction: Direction;
  readonly folder: string;
  readonly window: TimeWindow;
  readonly privateItems: PrivateItems;
  readonly conflictPolicy: ConflictPolicy;
  readonly fieldMapping: readonly CompiledFieldMapping[];
  /** Direction of every built-in and mapped field; unmapped `extra.*` follow `direction`. */
  readonly fieldDirections: FieldDirections;
}

export interface CompiledEmailRules extends CompiledTypeRulesBase<'email'> {
  /** Lower-case domains; an address outside them is external. */
  readonly ownDomains: readonly string[];
  readonly skipInternalOnly: boolean;
  readonly maxSizeBytes: number;
  readonly category: string;
  readonly failureFolder: string | undefined;
}

export interface CompiledContactRules extends CompiledTypeRulesBase<'contact'> {
  readonly filter: Rules['contact']['filter'];
}

export interface CompiledAppointmentRules extends CompiledTypeRulesBase<'appointment'> {
  readonly crmTypes: readonly string[];
  readonly exchangeDeletes: 'flag' | 'delete';
  readonly newOnlyFromCrm: boolean;
  readonly publishForeignOrganizer: boolean;
  readonly inviteInternal: boolean;
  readonly inviteExternal: boolean;
  readonly crmLinkInBody: boolean;
}

export interface CompiledTaskRules extends CompiledTypeRulesBase<'task'> {
  readonly statusBack: boolean;
}

export interface CompiledAbsenceRules extends CompiledTypeRulesBase<'absence'> {
  readonly privateByDefault: boolean;
}

export interface CompiledRules {
  readonly email: CompiledEmailRules;
  readonly contact: CompiledContactRules;
  readonly appointment: CompiledAppointmentRules;
  readonly task: CompiledTaskRules;
  readonly absence: CompiledAbsenceRules;
}
export type CompiledTypeRules = CompiledRules[ObjectType];

type AnyRule = Rules[ObjectType];

function compileBase<T extends ObjectType>(objectType: T, rule: AnyRule, ownFieldDirections: Record<string, Direction> = {}): CompiledTypeRulesBase<T> {
  const direction = rule.direction;
  const fieldMapping: CompiledFieldMapping[] = rule.fieldMapping.map((m) => ({
    crmField: m.crmField,
    field: `extra.${m.crmField}`,
    exchange: m.exchange,
    direction: m.direction ?? direction,
  }));
  const fieldDirections: Record<string, Direction> = {};
  for (const name of builtInFields(objectType)) fieldDirections[name] = ownFieldDirections[name] ?? direction;
  for (const m of fieldMapping) fieldDirections[m.field] = m.direction;
  return {
    objectType,
    enabled: rule.enabled && direction !== 'none',
    direction,
    folder: rule.folder,
    window: { ...rule.window },
    privateItems: rule.privateItems,
    conflictPolicy: rule.conflictPolicy,
    fieldMapping,
    fieldDirections,
  };
}

function taskFieldDirections(rule: Rules['task']): Record<string, Direction> {
  // Status flows back only when the task is otherwise CRM-owned; in a two-way rule it already does.
  if (!rule.statusBack || rule.direction !== 'crm-to-exchange') return {};
  return Object.fromEntries(TASK_STATUS_FIELDS.map((f) => [f, 'both' as const]));
}

/** The rules in force for one mailbox (global rules with its overrides), ready for `decide`. */
export function compileRules(rules: Rules, mailbox?: Pick<MailboxConfig, 'overrides'>): CompiledRules {
  const r = effectiveRules(rules, mailbox);
  return {
    email: {
      ...compileBase('email', r.email),
      ownDomains: r.email.ownDomains.map((d) => d.trim().toLowerCase().replace(/^@/, '')),
      skipInternalOnly: r.email.skipInternalOnly,
      maxSizeBytes: r.email.maxSizeBytes,
      category: r.email.category,
      failureFolder: r.email.failureFolder,
    },
    contact: { ...compileBase('contact', r.contact), filter: { ...r.contact.filter } },
    appointment: {
      ...compileBase('appointment', r.appointment),
      crmTypes: [...r.appointment.crmTypes],
      exchangeDeletes: r.appointment.exchangeDeletes,
      newOnlyFromCrm: r.appointment.newOnlyFromCrm,
      publishForeignOrganizer: r.appointment.publishForeignOrganizer,
      inviteInternal: r.appointment.inviteInternal,
      inviteExternal: r.appointment.inviteExternal,
      crmLinkInBody: r.appointment.crmLinkInBody,
    },
    task: { ...compileBase('task', r.task, taskFieldDirections(r.task)), statusBack: r.task.statusBack },
    absence: { ...compileBase('absence', r.absence), privateByDefault: r.absence.privateByDefault },
  };
}

/** The direction of one field under a type's rules; unmapped extras follow the type. */
export function fieldDirection(directions: FieldDirections, typeDirection: Direction, field: string): Direction {
  return directions[field] ?? typeDirection;
}

/** Whether a change made on `from` may travel to the other side under `direction`. */
export function flowsFrom(direction: Direction, from: 'exchange' | 'crm'): boolean {
  return direction === 'both' || direction === (from === 'exchange' ? 'exchange-to-crm' : 'crm-to-exchange');
}
