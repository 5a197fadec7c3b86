import type { MailboxStore, NewItem } from '../store/mailbox-store.js';
import type { Folder, Item, ItemKind, Mailbox } from '../store/model.js';
import { AdminError } from '../sim.error.js';
import { normalizeDateTime } from '../items/codecs.js';
import { extendedKey } from '../items/extended.js';
import { completeNewItem } from '../operations/item-defaults.js';
import { assignAttachmentIds } from '../operations/create-item.js';

const KINDS: ItemKind[] = ['message', 'calendar', 'contact', 'task'];
const DEFAULT_FOLDER: Record<ItemKind, string> = { message: 'inbox', calendar: 'calendar', contact: 'contacts', task: 'tasks' };
const DATE_FIELDS = ['Start', 'End', 'DateTimeReceived', 'DateTimeSent', 'DueDate', 'StartDate', 'CompleteDate', 'ReminderDueBy', 'Birthday'];

export interface SeedItem extends Partial<NewItem> {
  kind: ItemKind;
  fields: Record<string, unknown>;
}

export function mailboxOrThrow(store: MailboxStore, smtp: string): Mailbox {
  const mailbox = store.mailbox(smtp);
  if (!mailbox) throw new AdminError('MAILBOX_NOT_FOUND', `no mailbox ${smtp}`);
  return mailbox;
}

/** A folder by distinguished name ("inbox"), id, or path below the message root ("inbox/CRM"). */
export function folderRef(store: MailboxStore, mailbox: Mailbox, ref: string): Folder {
  const byId = store.folders.get(ref);
  if (byId && byId.mailbox === mailbox.smtp) return byId;
  const [first, ...rest] = ref.split('/').filter(Boolean);
  let folder = store.folders.get(mailbox.distinguished.get(first ?? '') ?? '');
  if (!folder) {
    const root = mailbox.distinguished.get('msgfolderroot')!;
    folder = store.childFolders(root).find((f) => f.displayName === first);
  }
  for (const name of rest) folder = folder && store.childFolders(folder.id).find((f) => f.displayName === name);
  if (!folder) throw new AdminError('FOLDER_NOT_FOUND', `no folder ${ref} in ${mailbox.smtp}`);
  return folder;
}

export function normalizeFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out = { ...fields };
  for (const name of DATE_FIELDS) {
    if (typeof out[name] === 'string') out[name] = normalizeDateTime(out[name] as string);
  }
  return out;
}

/** Stores items as a user or a mail flow would have (no EWS write counters). */
export function seedItems(store: MailboxStore, mailbox: Mailbox, folder: string | undefined, items: SeedItem[]): Item[] {
  for (const spec of items) {
    if (!KINDS.includes(spec.kind) || typeof spec.fields !== 'object' || spec.fields === null) {
      throw new AdminError('INVALID_INPUT', 'each item needs kind (message|calendar|contact|task) and fields');
    }
  }
  return items.map((spec) => {
    const target = folderRef(store, mailbox, folder ?? DEFAULT_FOLDER[spec.kind]);
    const parsed = {
      ...spec,
      fields: normalizeFields(spec.fields),
      extended: spec.extended?.map((e) => ({ ...e, key: extendedKey(e.uri) })),
      names: [],
    };
    completeNewItem(parsed, { draft: false });
    const item = store.createItem(target, parsed);
    assignAttachmentIds(item);
    return item;
  });
}
