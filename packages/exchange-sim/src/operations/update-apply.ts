import type { Item, OccurrenceException } from '../store/model.js';
import { child, type XNode } from '../xml/xml-node.js';
import { ewsError } from '../soap/ews-error.js';
import { parseItem } from '../items/item-xml.js';
import { extendedKey, parseExtendedUri } from '../items/extended.js';
import { propByUri } from '../items/properties.js';
import type { SeriesOccurrence } from '../calendar/series.js';

const INDEXED = /^contacts:(EmailAddress|PhoneNumber|PhysicalAddress)(?::(\w+))?$/;
const DICTIONARY: Record<string, string> = { EmailAddress: 'EmailAddresses', PhoneNumber: 'PhoneNumbers', PhysicalAddress: 'PhysicalAddresses' };
const APPENDABLE = new Set(['Body', 'ToRecipients', 'CcRecipients', 'BccRecipients', 'ReplyTo', 'RequiredAttendees', 'OptionalAttendees', 'Resources', 'Categories']);
/** Fields an occurrence can have of its own; the rest belong to the series. */
const OCCURRENCE_FIELDS = new Set(['Subject', 'Body', 'Location', 'Start', 'End', 'LegacyFreeBusyStatus', 'Importance', 'Sensitivity', 'Categories', 'ReminderIsSet', 'ReminderMinutesBeforeStart', 'IsAllDayEvent']);

export interface FieldChange {
  /** The name recorded as changed (field name, or "ext:<key>"). */
  name: string;
  apply(target: Record<string, unknown>, item: Item): void;
}

/** Turns one SetItemField / AppendToItemField / DeleteItemField into a change on a stored item. */
export function fieldChange(update: XNode, kind: Item['kind']): FieldChange {
  const path = update.children.find((c) => /FieldURI$/.test(c.local));
  if (!path) throw ewsError('ErrorSchemaValidation', `${update.local} needs a property path.`, true);
  const itemNode = update.children.find((c) => !/FieldURI$/.test(c.local));
  const value = () => {
    if (!itemNode) throw ewsError('ErrorSchemaValidation', `${update.local} needs an item element.`, true);
    return parseItem(itemNode);
  };
  if (path.local === 'ExtendedFieldURI') {
    const key = extendedKey(parseExtendedUri(path));
    return {
      name: `ext:${key}`,
      apply: (_t, item) => {
        const rest = (item.extended ?? []).filter((e) => e.key !== key);
        const found = update.local === 'DeleteItemField' ? undefined : value().extended?.find((e) => e.key === key);
        if (update.local !== 'DeleteItemField' && !found) throw ewsError('ErrorInvalidPropertySet', 'The item element does not carry that extended property.');
        item.extended = found ? [...rest, found] : rest;
      },
    };
  }
  const uri = path.attrs.FieldURI ?? '';
  if (path.local === 'IndexedFieldURI') {
    const [, dict, part] = INDEXED.exec(uri) ?? [];
    if (!dict) throw ewsError('ErrorInvalidPropertyRequest', uri);
    const name = DICTIONARY[dict]!;
    const index = path.attrs.FieldIndex ?? '';
    return {
      name,
      apply: (target) => {
        const current = { ...((target[name] as Record<string, unknown> | undefined) ?? {}) };
        if (update.local === 'DeleteItemField') {
          if (part) delete (current[index] as Record<string, unknown> | undefined)?.[part];
          else delete current[index];
        } else {
          const incoming = (value().fields[name] as Record<string, unknown> | undefined)?.[index];
          if (incoming === undefined) throw ewsError('ErrorInvalidPropertySet', `No ${dict} entry ${index} in the item element.`);
          current[index] = part ? { ...((current[index] as object | undefined) ?? {}), ...(incoming as object) } : incoming;
        }
        target[name] = current;
      },
    };
  }
  const def = propByUri(uri, kind);
  if (!def) throw ewsError('ErrorInvalidPropertyRequest', `${uri} does not apply to this item.`);
  if (!def.settable) throw ewsError('ErrorInvalidPropertySet', `${uri} is read-only.`);
  const name = def.name;
  return {
    name,
    apply: (target, item) => {
      if (update.local === 'DeleteItemField') {
        delete target[name];
        if (name === 'Recurrence') {
          item.exceptions = undefined;
          item.deletedOccurrences = undefined;
        }
        return;
      }
      const incoming = value().fields[name];
      if (incoming === undefined) throw ewsError('ErrorInvalidPropertySet', `The item element has no ${name}.`);
      if (update.local === 'AppendToItemField') {
        if (!APPENDABLE.has(name)) throw ewsError('ErrorInvalidPropertyAppend', `${name} cannot be appended to.`);
        const current = target[name];
        if (name === 'Body') {
          const body = current as { type: string; value: string } | undefined;
          target[name] = { type: body?.type ?? (incoming as { type: string }).type, value: (body?.value ?? '') + (incoming as { value: string }).value };
        } else target[name] = [...((current as unknown[] | undefined) ?? []), ...(incoming as unknown[])];
        return;
      }
      target[name] = incoming;
    },
  };
}

/** Applies changes to one occurrence: its own fields go into the master's exception for it. */
export function applyToOccurrence(master: Item, occ: SeriesOccurrence, changes: FieldChange[]): void {
  const existing = master.exceptions?.find((e) => e.originalStart === occ.originalStart);
  const target: Record<string, unknown> = { ...(existing?.fields ?? {}), Start: occ.start, End: occ.end };
  for (const change of changes) {
    if (!OCCURRENCE_FIELDS.has(change.name)) throw ewsError('ErrorInvalidPropertySet', `${change.name} cannot be set on an occurrence.`);
    change.apply(target, master);
  }
  const { Start: start, End: end, ...fields } = target;
  if (Date.parse(String(end)) < Date.parse(String(start))) throw ewsError('ErrorCalendarEndDateIsEarlierThanStartDate');
  const updated: OccurrenceException = { originalStart: occ.originalStart, start: String(start), end: String(end), fields };
  master.exceptions = [...(master.exceptions ?? []).filter((e) => e !== existing), updated];
}

export function itemIdNode(change: XNode): XNode | undefined {
  return child(change, 'ItemId') ?? child(change, 'OccurrenceItemId') ?? child(change, 'RecurringMasterItemId');
}
