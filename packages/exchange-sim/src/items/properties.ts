import type { Item, ItemKind } from '../store/model.js';
import { el, textEl } from '../xml/xml-write.js';
import * as c from './codecs.js';
import { renderFileAttachment } from './attachments.js';
import { computed, defaulted, field, special, type KindTable, type PropDef, type RenderContext } from './property-def.js';
import { CALENDAR_PROPS, CONTACT_PROPS, MESSAGE_PROPS, TASK_PROPS } from './kind-properties.js';

function displayList(v: unknown): string | undefined {
  const list = v as c.Recipient[] | undefined;
  return list ? list.map((r) => r.name ?? r.email).join('; ') : undefined;
}

function size(item: Item): number {
  const attachments = (item.attachments ?? []).reduce((sum, a) => sum + Math.floor((a.content.length * 3) / 4), 0);
  return 512 + JSON.stringify(item.fields).length + attachments;
}

function attachmentsXml(item: Item): string {
  if (!item.attachments?.length) return '';
  return el('t:Attachments', undefined, item.attachments.map((a) => renderFileAttachment(a, item, false)).join(''));
}

/** ItemType's own elements, in schema order, split where ExtendedProperty goes. */
const ITEM_HEAD: PropDef[] = [
  special('MimeContent', 'item:MimeContent', (item, ctx) => textEl('t:MimeContent', ctx.mimeOf(item), { CharacterSet: 'UTF-8' })),
  special('ItemId', 'item:ItemId', (item) => el('t:ItemId', { Id: item.id, ChangeKey: item.changeKey }), true),
  special('ParentFolderId', 'item:ParentFolderId', (item, ctx) =>
    el('t:ParentFolderId', { Id: item.folderId, ChangeKey: ctx.folderChangeKey(item.folderId) }), true),
  special('ItemClass', 'item:ItemClass', (item) => textEl('t:ItemClass', item.itemClass), true),
  field('Subject', 'item:Subject', c.text, true),
  defaulted('Sensitivity', 'item:Sensitivity', c.text, () => 'Normal', true),
  field('Body', 'item:Body', c.body, true),
  special('Attachments', 'item:Attachments', attachmentsXml, true),
  computed('DateTimeReceived', 'item:DateTimeReceived', c.dateTime, (i) => i.fields.DateTimeReceived ?? i.created, true),
  computed('Size', 'item:Size', c.int, size, true),
  field('Categories', 'item:Categories', c.strings, true),
  defaulted('Importance', 'item:Importance', c.text, () => 'Normal', true),
  field('InReplyTo', 'item:InReplyTo', c.text),
  computed('IsSubmitted', 'item:IsSubmitted', c.bool, () => false),
  computed('IsDraft', 'item:IsDraft', c.bool, (i) => i.fields.IsDraft ?? false, true),
  computed('IsFromMe', 'item:IsFromMe', c.bool, () => false),
  computed('IsResend', 'item:IsResend', c.bool, () => false),
  computed('IsUnmodified', 'item:IsUnmodified', c.bool, (i) => i.fieldVersions === undefined),
  computed('DateTimeSent', 'item:DateTimeSent', c.dateTime, (i) => i.fields.DateTimeSent ?? i.created, true),
  computed('DateTimeCreated', 'item:DateTimeCreated', c.dateTime, (i) => i.created, true),
  field('ReminderDueBy', 'item:ReminderDueBy', c.dateTime),
  defaulted('ReminderIsSet', 'item:ReminderIsSet', c.bool, (i) => i.kind === 'calendar', true),
  defaulted('ReminderMinutesBeforeStart', 'item:ReminderMinutesBeforeStart', c.int, () => 15, true),
  computed('DisplayCc', 'item:DisplayCc', c.text, (i) => displayList(i.fields.CcRecipients ?? i.fields.OptionalAttendees) ?? '', true),
  computed('DisplayTo', 'item:DisplayTo', c.text, (i) => displayList(i.fields.ToRecipients ?? i.fields.RequiredAttendees) ?? '', true),
  computed('HasAttachments', 'item:HasAttachments', c.bool, (i) => (i.attachments?.length ?? 0) > 0, true),
];

/** Rendered separately from the table: only requested extended properties are returned. */
export const EXTENDED_SLOT = 'ExtendedProperty';

const ITEM_TAIL: PropDef[] = [
  defaulted('Culture', 'item:Culture', c.text, () => 'en-US', true),
  computed('LastModifiedName', 'item:LastModifiedName', c.text, (i, ctx) => ctx.ownerOf(i).name, true),
  computed('LastModifiedTime', 'item:LastModifiedTime', c.dateTime, (i) => i.modified, true),
  computed('IsAssociated', 'item:IsAssociated', c.bool, () => false),
];

export function kindTable(kindProps: PropDef[]): PropDef[] {
  return [...ITEM_HEAD, special(EXTENDED_SLOT, '', () => ''), ...ITEM_TAIL, ...kindProps];
}

export const PROPERTIES: KindTable = {
  message: kindTable(MESSAGE_PROPS),
  calendar: kindTable(CALENDAR_PROPS),
  contact: kindTable(CONTACT_PROPS),
  task: kindTable(TASK_PROPS),
};

const BY_URI = new Map<string, Map<ItemKind, PropDef>>();
const BY_NAME = new Map<ItemKind, Map<string, PropDef>>();
for (const [kind, defs] of Object.entries(PROPERTIES) as [ItemKind, PropDef[]][]) {
  BY_NAME.set(kind, new Map(defs.map((d) => [d.name, d])));
  for (const d of defs) {
    if (!d.uri) continue;
    const entry = BY_URI.get(d.uri) ?? new Map<ItemKind, PropDef>();
    entry.set(kind, d);
    BY_URI.set(d.uri, entry);
  }
}

export function propByUri(uri: string, kind: ItemKind): PropDef | undefined {
  return BY_URI.get(uri)?.get(kind);
}

export function isKnownUri(uri: string): boolean {
  return BY_URI.has(uri);
}

export function propByName(kind: ItemKind, name: string): PropDef | undefined {
  return BY_NAME.get(kind)?.get(name);
}

export type { RenderContext };
