/** Kinds of change entries; a read-flag-only change is its own kind, as EWS reports it. */
export const enum ChangeType {
  Upsert = 0,
  ReadFlag = 1,
  Delete = 2,
}

export interface ChangeEntry {
  seq: number;
  id: string;
  type: ChangeType;
  /** For deletes: when the item had entered the folder (a client that never saw it gets nothing). */
  entered?: number;
}

export interface FolderChange {
  id: string;
  kind: 'Create' | 'Update' | 'Delete' | 'ReadFlagChange';
  seq: number;
}

/**
 * One folder's change log, ordered by sequence. Sync from state S reads the entries after S
 * (binary search), folds them per item, and pages by each item's latest sequence.
 */
export class ChangeLog {
  entries: ChangeEntry[] = [];
  private live = 0;

  append(entry: ChangeEntry, liveDelta: number): void {
    this.entries.push(entry);
    this.live += liveDelta;
    if (this.entries.length > 2 * this.live + 1024) this.compact();
  }

  private firstAfter(seq: number): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.entries[mid]!.seq <= seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Changes after `since`, each item once, oldest first; `entered` tells Create from Update. */
  changesSince(since: number, enteredOf: (id: string) => number | undefined): FolderChange[] {
    const folded = new Map<string, { seq: number; upsert: boolean; read: boolean; deleted?: ChangeEntry }>();
    for (let i = this.firstAfter(since); i < this.entries.length; i++) {
      const e = this.entries[i]!;
      const agg = folded.get(e.id) ?? { seq: 0, upsert: false, read: false };
      agg.seq = e.seq;
      if (e.type === ChangeType.Upsert) agg.upsert = true;
      if (e.type === ChangeType.ReadFlag) agg.read = true;
      agg.deleted = e.type === ChangeType.Delete ? e : undefined;
      if (e.type === ChangeType.Upsert) agg.deleted = undefined;
      folded.delete(e.id); // re-insert so Map order follows the latest sequence
      folded.set(e.id, agg);
    }
    const changes: FolderChange[] = [];
    for (const [id, agg] of folded) {
      if (agg.deleted) {
        if ((agg.deleted.entered ?? 0) <= since) changes.push({ id, kind: 'Delete', seq: agg.seq });
        continue;
      }
      const entered = enteredOf(id);
      if (entered === undefined) continue;
      if (entered > since) changes.push({ id, kind: 'Create', seq: agg.seq });
      else if (agg.upsert) changes.push({ id, kind: 'Update', seq: agg.seq });
      else if (agg.read) changes.push({ id, kind: 'ReadFlagChange', seq: agg.seq });
    }
    return changes;
  }

  get lastSeq(): number {
    return this.entries.at(-1)?.seq ?? 0;
  }

  /** Keeps one entry per item: an update folds earlier read-flag changes into itself. */
  private compact(): void {
    const latest = new Map<string, ChangeEntry>();
    for (const e of this.entries) {
      const previous = latest.get(e.id);
      const type = previous?.type === ChangeType.Upsert && e.type === ChangeType.ReadFlag ? ChangeType.Upsert : e.type;
      latest.delete(e.id);
      latest.set(e.id, { ...e, type });
    }
    this.entries = [...latest.values()];
  }

  toJSON(): ChangeEntry[] {
    return this.entries;
  }

  static from(entries: ChangeEntry[], live: number): ChangeLog {
    const log = new ChangeLog();
    log.entries = entries;
    log.live = live;
    return log;
  }
}
