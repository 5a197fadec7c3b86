import type {
  FolderId} from 'ews-javascript-api';
import {
  FolderId as EwsFolderId,
  FolderTraversal,
  BasePropertySet,
  CalendarFolder,
  ContactsFolder,
  Folder,
  FolderSchema,
  FolderView,
  PropertySet,
  SearchFilter,
  TasksFolder,
  WellKnownFolderName,
  type ExchangeService,
} from 'ews-javascript-api';
import { ExchangeError } from '../errors/exchange.error.js';
import { normalizeError } from '../errors/fault-normalizer.js';
import type { FolderRef, SubfolderRef } from '../exchange.port.js';

/** `<name>` in a path: a distinguished folder, found by role, never by its localised display name. */
const DISTINGUISHED: Record<string, WellKnownFolderName> = {
  inbox: WellKnownFolderName.Inbox,
  contacts: WellKnownFolderName.Contacts,
  calendar: WellKnownFolderName.Calendar,
  tasks: WellKnownFolderName.Tasks,
  sentitems: WellKnownFolderName.SentItems,
  drafts: WellKnownFolderName.Drafts,
  deleteditems: WellKnownFolderName.DeletedItems,
  msgfolderroot: WellKnownFolderName.MsgFolderRoot,
  root: WellKnownFolderName.Root,
};

/** A new subfolder keeps its parent's kind, so a contacts subfolder shows up in Outlook's People. */
const CHILD_FACTORY: Partial<Record<WellKnownFolderName, (s: ExchangeService) => Folder>> = {
  [WellKnownFolderName.Contacts]: (s) => new ContactsFolder(s),
  [WellKnownFolderName.Calendar]: (s) => new CalendarFolder(s),
  [WellKnownFolderName.Tasks]: (s) => new TasksFolder(s),
};

export interface ParsedPath {
  root: WellKnownFolderName;
  segments: string[];
}

export function parseFolderPath(path: string): ParsedPath {
  const parts = path.split('/').filter((p) => p.length > 0);
  const head = /^<([a-z]+)>$/i.exec(parts[0] ?? '');
  const root = head ? DISTINGUISHED[head[1]!.toLowerCase()] : undefined;
  if (root === undefined) {
    throw new ExchangeError('EXCHANGE_BAD_INPUT', `folder path "${path}" must start with a distinguished folder: ${Object.keys(DISTINGUISHED).map((k) => `<${k}>`).join(', ')}`);
  }
  const segments = parts.slice(1).map((s) => s.trim());
  if (segments.some((s) => s.length === 0 || s.length > 255)) throw new ExchangeError('EXCHANGE_BAD_INPUT', `folder path "${path}" has an empty or over-long segment`);
  return { root, segments };
}

const idAndName = () => new PropertySet(BasePropertySet.IdOnly, [FolderSchema.DisplayName]);

/**
 * Walks the path one FindFolders per segment (display names compared as Exchange does, case-
 * insensitively) and creates what is missing. Two workers creating the same folder at once: the
 * loser gets ErrorFolderExists and looks the folder up again.
 */
export async function resolveFolderPath(service: ExchangeService, path: string, create: boolean): Promise<FolderRef> {
  const { root, segments } = parseFolderPath(path);
  let folder = await Folder.Bind(service, root, idAndName());
  let created = false;
  for (const name of segments) {
    const found = await findChild(service, folder.Id, name);
    if (found) {
      folder = found;
      continue;
    }
    if (!create) throw new ExchangeError('EXCHANGE_FOLDER_NOT_FOUND', `folder "${name}" of path "${path}" does not exist`);
    folder = await createChild(service, root, folder.Id, name);
    created = true;
  }
  return { folderId: folder.Id.UniqueId, changeKey: folder.Id.ChangeKey ?? undefined, path, displayName: folder.DisplayName, created };
}

async function findChild(service: ExchangeService, parent: FolderId, name: string): Promise<Folder | undefined> {
  const view = new FolderView(2);
  view.PropertySet = idAndName();
  const result = await service.FindFolders(parent, new SearchFilter.IsEqualTo(FolderSchema.DisplayName, name), view);
  return result.Folders.find((f) => f.DisplayName.toLowerCase() === name.toLowerCase());
}

async function createChild(service: ExchangeService, root: WellKnownFolderName, parent: FolderId, name: string): Promise<Folder> {
  const folder = (CHILD_FACTORY[root] ?? ((s: ExchangeService) => new Folder(s)))(service);
  folder.DisplayName = name;
  if (!CHILD_FACTORY[root]) folder.FolderClass = 'IPF.Note';
  try {
    await folder.Save(parent);
    return folder;
  } catch (err) {
    const again = isFolderExists(err) ? await findChild(service, parent, name) : undefined;
    if (again) return again;
    throw err;
  }
}

function isFolderExists(err: unknown): boolean {
  return normalizeError(err).details.responseCode === 'ErrorFolderExists';
}

/** A page of FindFolder; a mailbox with more folders below one folder than this is not expected. */
const SUBFOLDER_PAGE = 1_000;

export async function listSubfolders(service: ExchangeService, folderId: string): Promise<SubfolderRef[]> {
  const out: SubfolderRef[] = [];
  for (let offset = 0; ; offset += SUBFOLDER_PAGE) {
    const view = new FolderView(SUBFOLDER_PAGE, offset);
    view.Traversal = FolderTraversal.Deep;
    view.PropertySet = new PropertySet(BasePropertySet.IdOnly, [FolderSchema.DisplayName, FolderSchema.ParentFolderId]);
    const result = await service.FindFolders(new EwsFolderId(folderId), view);
    for (const f of result.Folders) out.push({ folderId: f.Id.UniqueId, parentId: f.ParentFolderId.UniqueId, displayName: f.DisplayName });
    if (!result.MoreAvailable) return out;
  }
}
