import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { ChangeLog, type ChangeEntry } from './change-log.js';
import type { MailboxStore } from './mailbox-store.js';
import type { Folder, Item, Mailbox } from './model.js';

interface MailboxFile {
  mailbox: Omit<Mailbox, 'folders' | 'distinguished'> & { distinguished: [string, string][] };
  folders: { folder: Folder; log: ChangeEntry[] }[];
  items: Item[];
}

interface MetaFile {
  seq: number;
  idSeq: number;
}

function fileName(smtp: string): string {
  return `${createHash('sha1').update(smtp).digest('hex').slice(0, 16)}.json`;
}

function writeAtomic(path: string, content: string): void {
  writeFileSync(`${path}.tmp`, content);
  renameSync(`${path}.tmp`, path);
}

/**
 * Snapshot-on-change persistence: each changed mailbox is rewritten (atomically, one file per
 * mailbox) a short while after its last change, and every dirty mailbox on close. A restart
 * therefore keeps mailboxes, items, change keys and change logs, so old sync states stay valid.
 */
export class Persistence {
  private readonly dirty = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  /** Grows with the cost of the last flush, so disk writes take at most about a third of the time. */
  private nextDelayMs: number;

  constructor(
    private readonly store: MailboxStore,
    private readonly dir: string,
    private readonly delayMs = 250,
  ) {
    mkdirSync(join(dir, 'mailboxes'), { recursive: true });
    this.nextDelayMs = delayMs;
  }

  load(): void {
    const mailboxDir = join(this.dir, 'mailboxes');
    try {
      const meta = JSON.parse(readFileSync(join(this.dir, 'meta.json'), 'utf8')) as MetaFile;
      this.store.seq = meta.seq;
      this.store.idSeq = meta.idSeq;
    } catch {
      return; // a new data directory
    }
    const files = readdirSync(mailboxDir)
      .filter((n) => n.endsWith('.json'))
      .map((name) => JSON.parse(readFileSync(join(mailboxDir, name), 'utf8')) as MailboxFile)
      .sort((a, b) => a.mailbox.number - b.mailbox.number); // listing order as before the restart
    for (const file of files) {
      const { distinguished, ...rest } = file.mailbox;
      const mailbox: Mailbox = { ...rest, folders: new Map(), distinguished: new Map(distinguished) };
      this.store.mailboxes.set(mailbox.smtp, mailbox);
      for (const { folder, log } of file.folders) this.store.addFolder(folder, ChangeLog.from(log, 0));
      for (const item of file.items) this.store.indexItem(item);
      for (const { folder, log } of file.folders) {
        this.store.logs.set(folder.id, ChangeLog.from(log, this.store.folderItems.get(folder.id)!.size));
      }
    }
  }

  markDirty(smtp: string): void {
    this.dirty.add(smtp);
    this.timer ??= setTimeout(() => this.flush(), this.nextDelayMs);
  }

  forget(smtp: string): void {
    this.dirty.add(smtp);
    this.flush();
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const started = Date.now();
    // Counters first: a crash between the files leaves them ahead of every stored version, never behind.
    writeAtomic(join(this.dir, 'meta.json'), JSON.stringify({ seq: this.store.seq, idSeq: this.store.idSeq }));
    for (const smtp of this.dirty) this.writeMailbox(smtp);
    this.dirty.clear();
    this.nextDelayMs = Math.max(this.delayMs, 2 * (Date.now() - started));
  }

  private writeMailbox(smtp: string): void {
    const path = join(this.dir, 'mailboxes', fileName(smtp));
    const mailbox = this.store.mailbox(smtp);
    if (!mailbox) {
      rmSync(path, { force: true });
      return;
    }
    const { folders, distinguished, ...rest } = mailbox;
    const file: MailboxFile = {
      mailbox: { ...rest, distinguished: [...distinguished] },
      folders: [...folders.values()].map((folder) => ({ folder, log: this.store.logs.get(folder.id)!.entries })),
      items: [...folders.keys()].flatMap((id) => this.store.itemsIn(id)),
    };
    writeAtomic(path, JSON.stringify(file));
  }
}
