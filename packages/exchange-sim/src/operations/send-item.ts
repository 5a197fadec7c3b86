import { child, type XNode } from '../xml/xml-node.js';
import { ewsError } from '../soap/ews-error.js';
import { renderOperationResponse } from '../soap/envelope.js';
import { successMessage } from '../soap/response-message.js';
import { perElement, resolveFolder, type OpContext } from './context.js';
import { deliver, folderOf } from './create-item.js';
import { resolveItemNode } from './item-ids.js';
import { recipientsOf } from './item-defaults.js';

/** SendItem: sends a saved draft; the copy goes to Sent Items (or SavedItemFolderId) unless SaveItemToFolder is false. */
export function sendItem(req: XNode, ctx: OpContext): string {
  const save = req.attrs.SaveItemToFolder !== 'false';
  const savedNode = child(req, 'SavedItemFolderId')?.children[0];
  const messages = (child(req, 'ItemIds')?.children ?? []).map((node) =>
    perElement('SendItemResponseMessage', '', () => {
      const { stored: item } = resolveItemNode(ctx, node);
      if (item.kind !== 'message') throw ewsError('ErrorInvalidOperation', 'Only messages can be sent with SendItem.');
      const to = recipientsOf(item);
      if (to.length === 0) throw ewsError('ErrorInvalidOperation', 'The message has no recipients.');
      const mailbox = ctx.store.mailbox(item.mailbox)!;
      ctx.store.updateItem(item, ['IsDraft', 'IsRead', 'From', 'DateTimeSent'], () => {
        item.fields = { ...item.fields, IsDraft: false, IsRead: true, DateTimeSent: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') };
        item.fields.From ??= { name: mailbox.displayName, email: mailbox.smtp };
      });
      deliver(ctx, item);
      ctx.outbox.record({ from: item.mailbox, kind: 'message', to, subject: String(item.fields.Subject ?? '') });
      const target = savedNode ? resolveFolder(ctx, savedNode) : folderOf(ctx, mailbox, 'sentitems');
      if (!save) ctx.store.deleteItem(item);
      else if (target.id !== item.folderId) ctx.store.moveItem(item, target);
      ctx.countWrite(item.mailbox, 'updates');
      return successMessage('SendItemResponseMessage');
    }),
  );
  return renderOperationResponse('SendItem', messages.join(''));
}
