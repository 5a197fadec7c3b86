import { child, childrenNamed, type XNode } from '../xml/xml-node.js';
import { el } from '../xml/xml-write.js';
import { ewsError } from '../soap/ews-error.js';
import { renderOperationResponse } from '../soap/envelope.js';
import { successMessage } from '../soap/response-message.js';
import { parseFileAttachment, renderFileAttachment } from '../items/attachments.js';
import { newAttachmentId } from '../store/ids.js';
import { perElement, resolveItem, type OpContext } from './context.js';

export function createAttachment(req: XNode, ctx: OpContext): string {
  const parentId = child(req, 'ParentItemId')?.attrs.Id;
  const messages = (child(req, 'Attachments')?.children ?? []).map((node) =>
    perElement('CreateAttachmentResponseMessage', '<m:Attachments/>', () => {
      const item = resolveItem(ctx, parentId);
      const attachment = parseFileAttachment(node);
      ctx.store.updateItem(item, ['Attachments'], () => {
        attachment.id = newAttachmentId(item.id, (item.attachments?.length ?? 0) + 1);
        item.attachments = [...(item.attachments ?? []), attachment];
        item.mime = undefined; // the stored MIME no longer matches; it is generated from now on
      });
      ctx.countWrite(item.mailbox, 'updates');
      const id = el('t:AttachmentId', { Id: attachment.id, RootItemId: item.id, RootItemChangeKey: item.changeKey });
      return successMessage('CreateAttachmentResponseMessage', el('m:Attachments', undefined, `<t:FileAttachment>${id}</t:FileAttachment>`));
    }),
  );
  return renderOperationResponse('CreateAttachment', messages.join(''));
}

/** An attachment id starts with its item's id (20 bytes), which is how the item is found. */
export function getAttachment(req: XNode, ctx: OpContext): string {
  const messages = childrenNamed(child(req, 'AttachmentIds'), 'AttachmentId').map((node) =>
    perElement('GetAttachmentResponseMessage', '<m:Attachments/>', () => {
      const id = node.attrs.Id ?? '';
      const raw = Buffer.from(id, 'base64');
      const item = raw.length > 20 ? ctx.store.items.get(raw.subarray(0, 20).toString('base64')) : undefined;
      const found = item?.attachments?.find((a) => a.id === id);
      if (!item || !found) throw ewsError('ErrorInvalidAttachmentId');
      resolveItem(ctx, item.id);
      return successMessage('GetAttachmentResponseMessage', el('m:Attachments', undefined, renderFileAttachment(found, item, true)));
    }),
  );
  return renderOperationResponse('GetAttachment', messages.join(''));
}
