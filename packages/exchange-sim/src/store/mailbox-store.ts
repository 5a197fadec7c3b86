import { ChangeLog, ChangeType } from './change-log.js';
import { DEFAULT_FOLDERS, localizedFolderName } from './folders.js';
import { changeKeyFor, newAttachmentId, newFolderId, newItemId } from './ids.js';
import type { Folder, Item, ItemKind, Mailbox, MailboxSpec } from './model.js';

const KIND_CODE: Record<ItemKind, number> = { message: 1, calendar: 2, contact: 3, task: 4 };

export interface NewItem {
  kind: ItemKind;
  itemClass?: string;
  fields: Record<string, unknown>;
  extended?: Item['extended'];
  attachments?: Item['attachments'];
  mime?: string;
  exceptions?: Item['exceptions'];
  deletedOccurrences?: string[];
  created?: string;
}

let lastSecond = 0;
let lastIso = '';

/** The current time as Exchange writes it; one shared string per second saves memory in bulk seeding. */
export function isoNow(): string {
  const second = Math.floor(Date.now() / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastIso = new Date(second * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  return lastIso;
}

const DEFAULT_CLASS: Record<ItemKind, string> = {
  message: 'IPM.Note', calendar: 'IPM.Appointment', contact: 'IPM.Contact', task: 'IPM.Task',
};

/**
 * All mailboxes in memory. Every mutation takes the next global sequence number: it is the
 * item's version (inside its change key) and the position in its folder's change log, which is
 * what a sync state points at.
 */
export class MailboxStore {
  seq = 0;
  idSeq = 0;
  readonly mailboxes = new Map<string, Mailbox>();
  readonly items = new Map<string, Item>();
  readonly folders = new Map<string, Folder>();
  readonly folderItems = new Map<string, Set<string>>();
  readonly logs = new Map<string, ChangeLog>();
  /** Called with the mailbox's address after each change; persistence marks it dirty. */
  onChange: (smtp: string) => void = () => undefined;

  private nextSeq(): number {
    return ++this.seq;
  }

  mailbox(smtp: string): Mailbox | undefined {
    return this.mailboxes.get(smtp.toLowerCase());
  }

  createMailbox(spec: MailboxSpec): Mailbox {
    const smtp = spec.smtp.toLowerCase();
    if (this.mailboxes.has(smtp)) throw new Error(`mailbox ${smtp} exists`);
    const mailbox: Mailbox = {
      smtp,
      displayName: spec.displayName ?? smtp.split('@')[0]!,
      password: spec.password,
      locale: spec.locale ?? 'en-US',
      canImpersonate: spec.canImpersonate ?? false,
      number: this.mailboxes.size + 1,
      folders: new Map(),
      distinguished: new Map(),
      hierarchySeq: 0,
    };
    this.mailboxes.set(smtp, mailbox);
    for (const def of DEFAULT_FOLDERS) {
      const parentId = def.parent ? mailbox.distinguished.get(def.parent) : undefined;
      const folder = this.createFolder(mailbox, parentId, localizedFolderName(def.name, mailbox.locale), def.folderClass);
      folder.distinguished = def.name;
      mailbox.distinguished.set(def.name, folder.id);
    }
    return mailbox;
  }

  createFolder(mailbox: Mailbox, parentId: string | undefined, displayName: string, folderClass: string): Folder {
    const seq = this.nextSeq();
    const folder: Folder = {
      id: newFolderId(mailbox.number, ++this.idSeq),
      mailbox: mailbox.smtp,
      parentId,
      displayName,
      folderClass,
      version: seq,
      changeKey: changeKeyFor(0, seq),
      created: seq,
    };
    this.addFolder(folder);
    mailbox.hierarchySeq = seq;
    this.onChange(mailbox.smtp);
    return folder;
  }

  /** Index a folder (new or loaded from disk). */
  addFolder(folder: Folder, log?: ChangeLog): void {
    this.mailbox(folder.mailbox)!.folders.set(folder.id, folder);
    this.folders.set(folder.id, folder);
    this.folderItems.set(folder.id, this.folderItems.get(folder.id) ?? new Set());
    this.logs.set(folder.id, log ?? new ChangeLog());
  }

  touchFolder(folder: Folder): void {
    const seq = this.nextSeq();
    folder.version = seq;
    folder.changeKey = changeKeyFor(0, seq);
    this.mailbox(folder.mailbox)!.hierarchySeq = seq;
    this.onChange(folder.mailbox);
  }

  ancestors(folder: Folder): string[] {
    const out: string[] = [];
    for (let p = folder.parentId; p; p = this.folders.get(p)?.parentId) out.push(p);
    return out;
  }

  /** Deletes a folder with its subfolders and items, leaving tombstones for hierarchy sync. */
  deleteFolder(folder: Folder): void {
    for (const sub of this.childFolders(folder.id)) this.deleteFolder(sub);
    for (const item of this.itemsIn(folder.id)) this.deleteItem(item);
    const mailbox = this.mailbox(folder.mailbox)!;
    const seq = this.nextSeq();
    (mailbox.deletedFolders ??= []).push({ id: folder.id, seq, created: folder.created, ancestors: this.ancestors(folder) });
    mailbox.folders.delete(folder.id);
    this.folders.delete(folder.id);
    this.folderItems.delete(folder.id);
    this.logs.delete(folder.id);
    mailbox.hierarchySeq = seq;
    this.onChange(mailbox.smtp);
  }

  childFolders(folderId: string): Folder[] {
    const folder = this.folders.get(folderId);
    if (!folder) return [];
    return [...this.mailbox(folder.mailbox)!.folders.values()].filter((f) => f.parentId === folderId);
  }

  itemsIn(folderId: string): Item[] {
    const ids = this.folderItems.get(folderId);
    if (!ids) return [];
    const out: Item[] = [];
    for (const id of ids) out.push(this.items.get(id)!);
    return out;
  }

  createItem(folder: Folder, spec: NewItem): Item {
    const mailbox = this.mailbox(folder.mailbox)!;
    const seq = this.nextSeq();
    const now = isoNow();
    const item: Item = {
      id: newItemId(mailbox.number, ++this.idSeq),
      mailbox: mailbox.smtp,
      folderId: folder.id,
      kind: spec.kind,
      itemClass: spec.itemClass ?? DEFAULT_CLASS[spec.kind],
      version: seq,
      changeKey: changeKeyFor(KIND_CODE[spec.kind], seq),
      created: spec.created ?? now,
      modified: now,
      entered: seq,
      fields: spec.fields,
    };
    if (spec.extended?.length) item.extended = spec.extended;
    if (spec.attachments?.length) item.attachments = spec.attachments;
    if (spec.mime) item.mime = spec.mime;
    if (spec.exceptions?.length) item.exceptions = spec.exceptions;
    if (spec.deletedOccurrences?.length) item.deletedOccurrences = spec.deletedOccurrences;
    this.indexItem(item);
    this.logs.get(folder.id)!.append({ seq, id: item.id, type: ChangeType.Upsert }, 1);
    this.onChange(mailbox.smtp);
    return item;
  }

  indexItem(item: Item): void {
    this.items.set(item.id, item);
    this.folderItems.get(item.folderId)!.add(item.id);
  }

  /**
   * Applies `mutate` and records the change. `changedFields` names what changed; a change of
   * only IsRead is logged as a read-flag change, as EWS reports it.
   */
  updateItem(item: Item, changedFields: string[], mutate: () => void): void {
    mutate();
    const seq = this.nextSeq();
    item.version = seq;
    item.changeKey = changeKeyFor(KIND_CODE[item.kind], seq);
    item.modified = isoNow();
    const versions = (item.fieldVersions ??= {});
    for (const name of changedFields) versions[name] = seq;
    const readOnly = changedFields.length === 1 && changedFields[0] === 'IsRead';
    this.logs.get(item.folderId)!.append({ seq, id: item.id, type: readOnly ? ChangeType.ReadFlag : ChangeType.Upsert }, 0);
    this.onChange(item.mailbox);
  }

  deleteItem(item: Item): void {
    const seq = this.nextSeq();
    this.items.delete(item.id);
    this.folderItems.get(item.folderId)?.delete(item.id);
    this.logs.get(item.folderId)!.append({ seq, id: item.id, type: ChangeType.Delete, entered: item.entered }, -1);
    this.onChange(item.mailbox);
  }

  /** Move or copy: like Exchange, the item in the target folder gets a new id. */
  copyItem(item: Item, target: Folder): Item {
    const clone = structuredClone(item);
    const created = this.createItem(target, {
      kind: clone.kind,
      itemClass: clone.itemClass,
      fields: clone.fields,
      extended: clone.extended,
      attachments: clone.attachments,
      mime: clone.mime,
      exceptions: clone.exceptions,
      deletedOccurrences: clone.deletedOccurrences,
      created: clone.created,
    });
    created.attachments?.forEach((a, n) => (a.id = newAttachmentId(created.id, n + 1)));
    return created;
  }

  moveItem(item: Item, target: Folder): Item {
    const moved = this.copyItem(item, target);
    this.deleteItem(item);
    return moved;
  }

  /** Drops everything (admin reset). */
  clear(): void {
    this.mailboxes.clear();
    this.items.clear();
    this.folders.clear();
    this.folderItems.clear();
    this.logs.clear();
  }
}
