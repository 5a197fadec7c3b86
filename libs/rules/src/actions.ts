import type { ActionName, CrmRef, DomainItem, ExchangeRef, Side } from '@connector/core';
import type { FieldConflict } from './merge.js';

/** Why nothing is written; stable codes the dashboard, the history and `plan` show. */
export const SKIP_REASONS = [
  'echo', // the change is our own write coming back
  'no-change', // no synced field differs from the last synced version
  'disabled', // the rule for this type is off or its direction is `none`
  'direction', // the rule does not let this side's change travel
  'outside-window', // the item's own date lies outside the time window
  'deletion-outside-window', // a deletion of an item older than the deletion window
  'private', // private items are skipped by rule
  'kind-not-synced', // an appointment kind not in crmTypes
  'not-in-contact-filter', // a person the contact filter does not select
  'not-assigned', // a CRM task whose responsible rep is another user
  'delegated', // a task assigned through Outlook
  'new-only-from-crm', // a new Exchange appointment while new ones only come from the CRM
  'foreign-organizer', // an external organizer while publishing is off
  'published-read-only', // a CRM edit of a published (read-only) appointment
  'already-filed', // an e-mail is filed once
  'draft', // drafts are never filed
  'internal-only', // every address is in the own domains and the rule skips those
  'kept-in-crm', // a filed e-mail deleted on either side stays filed
  'unknown-item', // a deletion of an item that was never synced
  'already-deleted', // a change to a pair that is already deleted
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

interface ActionBase<N extends ActionName> {
  readonly name: N;
}
/** A create: `item` is the full item to write; `asPrivate` asks the writer to mark it private there. */
export interface CreateAction<N extends 'CreateInExchange' | 'CreateInCrm'> extends ActionBase<N> {
  readonly item: DomainItem;
  readonly asPrivate: boolean;
}
/** An update of existing item: only `fields` are written, their values taken from `item`. */
export interface UpdateExchangeFromCrm extends ActionBase<'UpdateExchangeFromCrm'> {
  readonly exchange: ExchangeRef | undefined;
  readonly item: DomainItem;
  readonly fields: readonly string[];
  readonly asPrivate: boolean;
}
export interface UpdateCrmFromExchange extends ActionBase<'UpdateCrmFromExchange'> {
  readonly crm: CrmRef | undefined;
  readonly item: DomainItem;
  readonly fields: readonly string[];
  readonly asPrivate: boolean;
}
/** Both sides changed different things (or a conflict was resolved): each gets its own field list. */
export interface MergeAndUpdateBoth extends ActionBase<'MergeAndUpdateBoth'> {
  readonly exchange: ExchangeRef | undefined;
  readonly crm: CrmRef | undefined;
  readonly item: DomainItem;
  readonly exchangeFields: readonly string[];
  readonly crmFields: readonly string[];
  readonly asPrivate: boolean;
}
/**
 * Deletes carry the ref the link knows; undefined means a create may still be in flight, and the
 * writer finds the item by the link id (Exchange correlation property / CRM LUID).
 */
export interface DeleteInExchange extends ActionBase<'DeleteInExchange'> {
  readonly exchange: ExchangeRef | undefined;
}
export interface DeleteInCrm extends ActionBase<'DeleteInCrm'> {
  readonly crm: CrmRef | undefined;
}
/** The CRM keeps the record, marked "deleted by connector". */
export interface FlagDeletedInCrm extends ActionBase<'FlagDeletedInCrm'> {
  readonly crm: CrmRef | undefined;
}
/** Write (create, or update when `crm` is set) a read-only copy into the CRM; never written back. */
export interface Publish extends ActionBase<'Publish'> {
  readonly crm: CrmRef | undefined;
  readonly item: DomainItem;
  readonly asPrivate: boolean;
}
/** Record the resolved conflicts (the writes that resolve them are separate actions). */
export interface ConflictAction extends ActionBase<'Conflict'> {
  readonly conflicts: readonly FieldConflict[];
}
export interface Skip extends ActionBase<'Skip'> {
  readonly reason: SkipReason;
}
/** The item fails validation: the pipeline parks it with these problems; nothing is written. */
export interface Quarantine extends ActionBase<'Quarantine'> {
  readonly reason: 'invalid';
  readonly side: Side;
  readonly problems: readonly string[];
}

export type Action =
  | CreateAction<'CreateInExchange'>
  | CreateAction<'CreateInCrm'>
  | UpdateExchangeFromCrm
  | UpdateCrmFromExchange
  | MergeAndUpdateBoth
  | DeleteInExchange
  | DeleteInCrm
  | FlagDeletedInCrm
  | Publish
  | ConflictAction
  | Skip
  | Quarantine;

export interface Decision {
  readonly actions: readonly Action[];
  readonly conflicts: readonly FieldConflict[];
  /** One line for logs and the item history, e.g. "subject changed in Exchange". */
  readonly reason: string;
  /**
   * The merge base to store on the link once the writes are done (the agreed synced state);
   * undefined when the base stays as it is.
   */
  readonly base: DomainItem | undefined;
}

/** The sides an action writes to; none for actions that only record or skip. */
export function targetsOf(action: Action): Side[] {
  switch (action.name) {
    case 'CreateInExchange':
    case 'UpdateExchangeFromCrm':
    case 'DeleteInExchange':
      return ['exchange'];
    case 'CreateInCrm':
    case 'UpdateCrmFromExchange':
    case 'DeleteInCrm':
    case 'FlagDeletedInCrm':
    case 'Publish':
      return ['crm'];
    case 'MergeAndUpdateBoth':
      return ['exchange', 'crm'];
    default:
      return [];
  }
}

/** Whether a decision writes anything: a quiet system decides only decisions without writes. */
export function writesOf(decision: Decision): Action[] {
  return decision.actions.filter((a) => targetsOf(a).length > 0);
}

export function skip(reason: SkipReason, text: string = reason): Decision {
  return { actions: [{ name: 'Skip', reason }], conflicts: [], reason: text, base: undefined };
}
