export type ItemKind = 'message' | 'calendar' | 'contact' | 'task';

/** Extended MAPI property: `key` identifies it (set GUID + name/id, or tag), `type` is the MAPI type name. */
export interface ExtendedValue {
  key: string;
  uri: ExtendedUri;
  value: string | string[];
}

export interface ExtendedUri {
  DistinguishedPropertySetId?: string;
  PropertySetId?: string;
  PropertyTag?: string;
  PropertyName?: string;
  PropertyId?: string;
  PropertyType: string;
}

export interface Attachment {
  id: string;
  name: string;
  contentType: string;
  contentId?: string;
  isInline: boolean;
  content: string; // base64
  lastModified: string;
}

/** A changed occurrence of a recurring master, keyed by its original start (ISO UTC). */
export interface OccurrenceException {
  originalStart: string;
  start: string;
  end: string;
  fields: Record<string, unknown>;
}

/**
 * An item. `fields` is keyed by the EWS element name (Subject, Start, EmailAddresses…) so the
 * XML codec and the admin JSON share one vocabulary; values are JSON (dates as ISO strings).
 */
export interface Item {
  id: string;
  mailbox: string;
  folderId: string;
  kind: ItemKind;
  itemClass: string;
  version: number;
  changeKey: string;
  created: string;
  modified: string;
  fields: Record<string, unknown>;
  /** Sequence at which the item entered its current folder (sync: Create vs Update). */
  entered: number;
  /** Version at which each field last changed, once edited: AutoResolve conflict detection. */
  fieldVersions?: Record<string, number>;
  extended?: ExtendedValue[];
  attachments?: Attachment[];
  /** Base64 MIME as received (messages created from MIME); generated on demand otherwise. */
  mime?: string;
  exceptions?: OccurrenceException[];
  deletedOccurrences?: string[];
}

export interface Folder {
  id: string;
  mailbox: string;
  parentId: string | undefined;
  displayName: string;
  folderClass: string;
  distinguished?: string;
  version: number;
  changeKey: string;
  created: number;
}

export interface Mailbox {
  smtp: string;
  displayName: string;
  password: string;
  locale: string;
  canImpersonate: boolean;
  /** Small sequential number embedded in ids, so an id tells which mailbox it belongs to. */
  number: number;
  folders: Map<string, Folder>;
  distinguished: Map<string, string>;
  /** Sequence of the last hierarchy change. */
  hierarchySeq: number;
  /** Deleted folders, for SyncFolderHierarchy: when, and which folders they were under. */
  deletedFolders?: { id: string; seq: number; created: number; ancestors: string[] }[];
}

export interface MailboxSpec {
  smtp: string;
  password: string;
  displayName?: string;
  locale?: string;
  canImpersonate?: boolean;
}
