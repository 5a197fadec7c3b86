import type { Item } from '@connector/syncml';
import { STATUS } from '@connector/syncml';
import type { WriteOutcome } from './syncml-backend.port.js';

/** SyncML status for a write outcome; `added` tells a new record (201) from a recognised one (200). */
export function outcomeStatus(outcome: WriteOutcome, added: boolean): number {
  switch (outcome.result) {
    case 'created':
      return added ? STATUS.ITEM_ADDED : STATUS.OK;
    case 'updated':
    case 'unchanged':
    case 'existing':
    case 'deleted':
      return STATUS.OK;
    case 'forbidden':
      return STATUS.FORBIDDEN;
    case 'not-found':
      return STATUS.NOT_FOUND;
    case 'invalid':
      return STATUS.BAD_REQUEST;
    case 'unsupported-type':
      return STATUS.UNSUPPORTED_MEDIA_TYPE;
  }
}

/**
 * Status Item telling the client which record its item became, with the record's version:
 * Target = record id (the server GUID), Source = the client's LUID, Meta Version = version.
 */
export function resultItem(luid: string, outcome: WriteOutcome): Item[] | undefined {
  if (!('recordId' in outcome) || outcome.result === 'deleted') return undefined;
  return [{ target: { locURI: outcome.recordId }, source: { locURI: luid }, meta: { version: outcome.version } }];
}
