import { child, childrenNamed, type XNode } from '../xml/xml-node.js';
import { el } from '../xml/xml-write.js';
import { EwsError, ewsError } from '../soap/ews-error.js';
import { renderOperationResponse } from '../soap/envelope.js';
import { successMessage } from '../soap/response-message.js';
import { ID_ONLY } from '../items/shape.js';
import { perElement, resolveFolder, resolveItem, type OpContext } from './context.js';
import { renderFolder } from './folder-render.js';
import { folderOf } from './create-item.js';

export function deleteFolder(req: XNode, ctx: OpContext): string {
  const deleteType = req.attrs.DeleteType;
  const messages = (child(req, 'FolderIds')?.children ?? []).map((node) =>
    perElement('DeleteFolderResponseMessage', '', () => {
      const folder = resolveFolder(ctx, node);
      if (folder.distinguished) throw new EwsError('ErrorDeleteDistinguishedFolder', 'Distinguished folders cannot be deleted.');
      const mailbox = ctx.store.mailbox(folder.mailbox)!;
      const trash = folderOf(ctx, mailbox, 'deleteditems');
      if (deleteType === 'MoveToDeletedItems' && folder.parentId !== trash.id) {
        const parent = folder.parentId ? ctx.store.folders.get(folder.parentId) : undefined;
        folder.parentId = trash.id;
        ctx.store.touchFolder(folder);
        ctx.store.touchFolder(trash);
        if (parent) ctx.store.touchFolder(parent);
      } else {
        const parent = folder.parentId ? ctx.store.folders.get(folder.parentId) : undefined;
        ctx.store.deleteFolder(folder);
        if (parent) ctx.store.touchFolder(parent);
      }
      ctx.countWrite(folder.mailbox, 'deletes');
      return successMessage('DeleteFolderResponseMessage');
    }),
  );
  return renderOperationResponse('DeleteFolder', messages.join(''));
}

/** UpdateFolder: renaming (folder:DisplayName) is what this server supports. */
export function updateFolder(req: XNode, ctx: OpContext): string {
  const messages = childrenNamed(child(req, 'FolderChanges'), 'FolderChange').map((change) =>
    perElement('UpdateFolderResponseMessage', '<m:Folders/>', () => {
      const folder = resolveFolder(ctx, change.children[0]);
      for (const update of child(change, 'Updates')?.children ?? []) {
        const uri = child(update, 'FieldURI')?.attrs.FieldURI;
        const name = update.children.find((c) => c.local.endsWith('Folder'))?.children.find((c) => c.local === 'DisplayName')?.text;
        if (update.local !== 'SetFolderField' || uri !== 'folder:DisplayName' || !name) {
          throw ewsError('ErrorInvalidPropertySet', 'This server can only rename folders (SetFolderField folder:DisplayName).');
        }
        const siblings = folder.parentId ? ctx.store.childFolders(folder.parentId) : [];
        if (siblings.some((f) => f !== folder && f.displayName.toLowerCase() === name.toLowerCase())) throw ewsError('ErrorFolderExists');
        folder.displayName = name;
      }
      ctx.store.touchFolder(folder);
      ctx.countWrite(folder.mailbox, 'updates');
      return successMessage('UpdateFolderResponseMessage', el('m:Folders', undefined, renderFolder(ctx.store, folder, ID_ONLY)));
    }),
  );
  return renderOperationResponse('UpdateFolder', messages.join(''));
}

export function deleteAttachment(req: XNode, ctx: OpContext): string {
  const messages = childrenNamed(child(req, 'AttachmentIds'), 'AttachmentId').map((node) =>
    perElement('DeleteAttachmentResponseMessage', '', () => {
      const id = node.attrs.Id ?? '';
      const raw = Buffer.from(id, 'base64');
      const item = raw.length > 20 ? ctx.store.items.get(raw.subarray(0, 20).toString('base64')) : undefined;
      if (!item?.attachments?.some((a) => a.id === id)) throw ewsError('ErrorInvalidAttachmentId');
      resolveItem(ctx, item.id);
      ctx.store.updateItem(item, ['Attachments'], () => {
        item.attachments = item.attachments!.filter((a) => a.id !== id);
        item.mime = undefined;
      });
      ctx.countWrite(item.mailbox, 'updates');
      return successMessage('DeleteAttachmentResponseMessage', el('m:RootItemId', { RootItemId: item.id, RootItemChangeKey: item.changeKey }));
    }),
  );
  return renderOperationResponse('DeleteAttachment', messages.join(''));
}
