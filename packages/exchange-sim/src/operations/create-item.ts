import type { Folder, Item, Mailbox } from '../store/model.js';
import { child, type XNode } from '../xml/xml-node.js';
import { el } from '../xml/xml-write.js';
import { ewsError, type KnownCode } from '../soap/ews-error.js';
import { renderOperationResponse } from '../soap/envelope.js';
import { successMessage } from '../soap/response-message.js';
import { parseItem } from '../items/item-xml.js';
import { ID_ONLY } from '../items/shape.js';
import { renderItem } from '../items/item-xml.js';
import { newAttachmentId } from '../store/ids.js';
import { perElement, resolveFolder, type OpContext } from './context.js';
import { completeNewItem, recipientsOf } from './item-defaults.js';

const DEFAULT_FOLDER: Record<Item['kind'], string> = { message: 'drafts', calendar: 'calendar', contact: 'contacts', task: 'tasks' };

export function folderOf(ctx: OpContext, mailbox: Mailbox, name: string): Folder {
  return ctx.store.folders.get(mailbox.distinguished.get(name)!)!;
}

const FOLDER_RULES: Partial<Record<Item['kind'], { prefix: string; code: KnownCode }>> = {
  calendar: { prefix: 'IPF.Appointment', code: 'ErrorCannotCreateCalendarItemInNonCalendarFolder' },
  contact: { prefix: 'IPF.Contact', code: 'ErrorCannotCreateContactInNonContactFolder' },
  task: { prefix: 'IPF.Task', code: 'ErrorCannotCreateTaskInNonTaskFolder' },
};

/** Exchange keeps calendar items, contacts and tasks in folders of their class. */
function checkFolderClass(kind: Item['kind'], folder: Folder): void {
  const rule = FOLDER_RULES[kind];
  if (rule && !folder.folderClass.startsWith(rule.prefix)) throw ewsError(rule.code);
}

export function assignAttachmentIds(item: Item): void {
  item.attachments?.forEach((a, n) => {
    if (!a.id) a.id = newAttachmentId(item.id, n + 1);
  });
}

/** Delivers a copy to every recipient that is a mailbox of this server (their Inbox). */
export function deliver(ctx: OpContext, item: Pick<Item, 'fields' | 'mime' | 'attachments'>): void {
  for (const email of new Set(recipientsOf(item).map((e) => e.toLowerCase()))) {
    const target = ctx.store.mailbox(email);
    if (!target) continue;
    const copy = structuredClone(item.fields);
    Object.assign(copy, { IsDraft: false, IsRead: false, DateTimeReceived: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z') });
    ctx.store.createItem(folderOf(ctx, target, 'inbox'), { kind: 'message', fields: copy, mime: item.mime, attachments: structuredClone(item.attachments) });
  }
}

/** A meeting request puts a tentative copy into each internal attendee's calendar, as Exchange's calendar assistant does. */
function invite(ctx: OpContext, item: Item): void {
  const organizer = ctx.store.mailbox(item.mailbox)!;
  for (const email of new Set(recipientsOf(item).map((e) => e.toLowerCase()))) {
    const target = ctx.store.mailbox(email);
    if (!target || target.smtp === organizer.smtp) continue;
    const fields = structuredClone(item.fields);
    Object.assign(fields, { Organizer: { name: organizer.displayName, email: organizer.smtp }, MyResponseType: 'NoResponseReceived', LegacyFreeBusyStatus: 'Tentative' });
    ctx.store.createItem(folderOf(ctx, target, 'calendar'), { kind: 'calendar', itemClass: 'IPM.Appointment', fields });
  }
}

export function createItem(req: XNode, ctx: OpContext): string {
  const disposition = req.attrs.MessageDisposition;
  const invitations = req.attrs.SendMeetingInvitations;
  const savedNode = child(req, 'SavedItemFolderId')?.children[0];
  const messages = (child(req, 'Items')?.children ?? []).map((node) =>
    perElement('CreateItemResponseMessage', '<m:Items/>', () => {
      const parsed = parseItem(node);
      if (parsed.kind === 'message' && !disposition) throw ewsError('ErrorMessageDispositionRequired');
      if (parsed.kind === 'calendar' && !invitations) throw ewsError('ErrorSendMeetingInvitationsRequired');
      const sending = parsed.kind === 'message' && disposition !== 'SaveOnly';
      completeNewItem(parsed, { draft: !sending });
      const saveTo = savedNode
        ? resolveFolder(ctx, savedNode)
        : folderOf(ctx, ctx.mailbox, parsed.kind === 'message' && sending ? 'sentitems' : DEFAULT_FOLDER[parsed.kind]);
      checkFolderClass(parsed.kind, saveTo);
      if (sending) {
        parsed.fields.IsRead = true;
        parsed.fields.From ??= { name: ctx.mailbox.displayName, email: ctx.mailbox.smtp };
      }
      const meeting = parsed.kind === 'calendar' && invitations !== 'SendToNone' && recipientsOf(parsed).length > 0;
      if (meeting) parsed.fields.MeetingRequestWasSent = true;
      if (sending) {
        deliver(ctx, parsed);
        ctx.outbox.record({ from: ctx.mailbox.smtp, kind: 'message', to: recipientsOf(parsed), subject: String(parsed.fields.Subject ?? '') });
        if (disposition === 'SendOnly') return successMessage('CreateItemResponseMessage', '<m:Items/>');
      }
      const item = ctx.store.createItem(saveTo, parsed);
      assignAttachmentIds(item);
      if (meeting) {
        invite(ctx, item);
        ctx.outbox.record({ from: item.mailbox, kind: 'meetingRequest', to: recipientsOf(item), subject: String(item.fields.Subject ?? '') });
      }
      ctx.countWrite(item.mailbox, 'creates');
      const items = sending ? '' : renderItem(item, ID_ONLY, ctx.render);
      return successMessage('CreateItemResponseMessage', el('m:Items', undefined, items));
    }),
  );
  return renderOperationResponse('CreateItem', messages.join(''));
}
