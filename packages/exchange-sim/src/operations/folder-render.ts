import type { Folder } from '../store/model.js';
import type { MailboxStore } from '../store/mailbox-store.js';
import { folderElementName } from '../store/folders.js';
import type { Shape } from '../items/shape.js';
import { el, textEl } from '../xml/xml-write.js';

/** A folder element (t:Folder, t:CalendarFolder…) for a FolderShape, in schema order. */
export function renderFolder(store: MailboxStore, folder: Folder, shape: Shape): string {
  const name = folderElementName(folder.folderClass);
  const all = shape.base === 'AllProperties';
  const dflt = all || shape.base === 'Default';
  const wants = (uri: string, inDefault: boolean) => shape.uris.has(uri) || (inDefault ? dflt : all);
  let inner = el('t:FolderId', { Id: folder.id, ChangeKey: folder.changeKey });
  const parent = folder.parentId ? store.folders.get(folder.parentId) : undefined;
  if (parent && wants('folder:ParentFolderId', false)) inner += el('t:ParentFolderId', { Id: parent.id, ChangeKey: parent.changeKey });
  if (wants('folder:FolderClass', false) && folder.folderClass) inner += textEl('t:FolderClass', folder.folderClass);
  if (wants('folder:DisplayName', true)) inner += textEl('t:DisplayName', folder.displayName);
  const items = store.folderItems.get(folder.id);
  if (wants('folder:TotalCount', true)) inner += textEl('t:TotalCount', items?.size ?? 0);
  if (wants('folder:ChildFolderCount', true)) inner += textEl('t:ChildFolderCount', store.childFolders(folder.id).length);
  if (name === 'Folder' || name === 'TasksFolder') {
    if (wants('folder:UnreadCount', true)) {
      let unread = 0;
      if (folder.folderClass.startsWith('IPF.Note')) for (const item of store.itemsIn(folder.id)) if (!item.fields.IsRead) unread++;
      inner += textEl('t:UnreadCount', unread);
    }
  }
  return `<t:${name}>${inner}</t:${name}>`;
}
