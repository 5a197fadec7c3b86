import type { Item } from '../store/model.js';
import { child, type XNode } from '../xml/xml-node.js';
import { el } from '../xml/xml-write.js';
import { ewsError } from '../soap/ews-error.js';
import { renderOperationResponse } from '../soap/envelope.js';
import { successMessage } from '../soap/response-message.js';
import { renderItem } from '../items/item-xml.js';
import { ID_ONLY } from '../items/shape.js';
import { perElement, resolveFolder, type OpContext } from './context.js';
import { resolveItemNode } from './item-ids.js';
import { recipientsOf } from './item-defaults.js';

function cancelMeeting(ctx: OpContext, item: Item, mode: string | undefined): void {
  if (item.kind !== 'calendar' || mode === 'SendToNone' || recipientsOf(item).length === 0) return;
  ctx.outbox.record({ from: item.mailbox, kind: 'meetingCancellation', to: recipientsOf(item), subject: String(item.fields.Subject ?? '') });
}

export function deleteItem(req: XNode, ctx: OpContext): string {
  const deleteType = req.attrs.DeleteType;
  if (deleteType !== 'HardDelete' && deleteType !== 'SoftDelete' && deleteType !== 'MoveToDeletedItems') {
    throw ewsError('ErrorSchemaValidation', 'DeleteType is required (HardDelete, SoftDelete or MoveToDeletedItems).', true);
  }
  const cancellations = req.attrs.SendMeetingCancellations;
  const messages = (child(req, 'ItemIds')?.children ?? []).map((node) =>
    perElement('DeleteItemResponseMessage', '', () => {
      const resolved = resolveItemNode(ctx, node);
      const item = resolved.stored;
      if (item.kind === 'calendar' && !cancellations) throw ewsError('ErrorSendMeetingCancellationsRequired');
      if (resolved.occurrence) {
        const originalStart = resolved.occurrence.originalStart;
        ctx.store.updateItem(item, ['DeletedOccurrences'], () => {
          item.deletedOccurrences = [...(item.deletedOccurrences ?? []), originalStart].sort();
          item.exceptions = item.exceptions?.filter((e) => e.originalStart !== originalStart);
        });
        ctx.countWrite(item.mailbox, 'updates');
        return successMessage('DeleteItemResponseMessage');
      }
      cancelMeeting(ctx, item, cancellations);
      const mailbox = ctx.store.mailbox(item.mailbox)!;
      const target = deleteType === 'MoveToDeletedItems' ? 'deleteditems' : deleteType === 'SoftDelete' ? 'recoverableitemsdeletions' : undefined;
      const targetId = target ? mailbox.distinguished.get(target) : undefined;
      if (targetId && item.folderId !== targetId) ctx.store.moveItem(item, ctx.store.folders.get(targetId)!);
      else ctx.store.deleteItem(item);
      ctx.countWrite(item.mailbox, 'deletes');
      return successMessage('DeleteItemResponseMessage');
    }),
  );
  return renderOperationResponse('DeleteItem', messages.join(''));
}

function moveOrCopy(operation: 'MoveItem' | 'CopyItem', req: XNode, ctx: OpContext): string {
  const target = resolveFolder(ctx, child(req, 'ToFolderId')?.children[0]);
  const messageName = `${operation}ResponseMessage`;
  const messages = (child(req, 'ItemIds')?.children ?? []).map((node) =>
    perElement(messageName, '<m:Items/>', () => {
      const resolved = resolveItemNode(ctx, node);
      if (resolved.occurrence) throw ewsError('ErrorCalendarCannotMoveOrCopyOccurrence');
      const item = resolved.stored;
      const result = operation === 'MoveItem' ? ctx.store.moveItem(item, target) : ctx.store.copyItem(item, target);
      ctx.countWrite(target.mailbox, 'creates');
      if (operation === 'MoveItem') ctx.countWrite(item.mailbox, 'deletes');
      return successMessage(messageName, el('m:Items', undefined, renderItem(result, ID_ONLY, ctx.render)));
    }),
  );
  return renderOperationResponse(operation, messages.join(''));
}

export const moveItem = (req: XNode, ctx: OpContext) => moveOrCopy('MoveItem', req, ctx);
export const copyItem = (req: XNode, ctx: OpContext) => moveOrCopy('CopyItem', req, ctx);
