/**
 * Where each poller resumes: EWS sync states per (mailbox, folder) and SyncML anchors per
 * (CRM user, datastore). Values are opaque strings (an EWS sync state is several KB).
 *
 * The rule: a cursor advances only after the change jobs of its page are enqueued (see
 * `enqueueChangesThenAdvance`). Losing a cursor is safe: the poller starts from nothing, which is
 * a slow sync that re-matches every item against the link table.
 */
export interface CursorStore {
  getSyncState(mailbox: string, folderId: string): Promise<string | null>;
  setSyncState(mailbox: string, folderId: string, syncState: string): Promise<void>;
  deleteSyncState(mailbox: string, folderId: string): Promise<void>;
  getAnchor(crmUser: string, datastore: string): Promise<string | null>;
  setAnchor(crmUser: string, datastore: string, anchor: string): Promise<void>;
  deleteAnchor(crmUser: string, datastore: string): Promise<void>;
  /** Forgets the mailbox's sync states and, given its CRM user, that user's anchors ("re-sync from scratch"). */
  deleteAllForMailbox(mailbox: string, crmUser?: string): Promise<void>;
}
