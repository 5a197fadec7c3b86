import { child, type XNode } from '../xml/xml-node.js';
import { el } from '../xml/xml-write.js';
import { ewsError } from '../soap/ews-error.js';
import { renderOperationResponse } from '../soap/envelope.js';
import { successMessage } from '../soap/response-message.js';
import { renderItem } from '../items/item-xml.js';
import { ID_ONLY } from '../items/shape.js';
import { versionOfChangeKey } from '../store/ids.js';
import type { Item } from '../store/model.js';
import { perElement, type OpContext } from './context.js';
import { resolveItemNode } from './item-ids.js';
import { applyToOccurrence, fieldChange, itemIdNode, type FieldChange } from './update-apply.js';
import { recipientsOf } from './item-defaults.js';

type Resolution = 'NeverOverwrite' | 'AutoResolve' | 'AlwaysOverwrite';

const SERIES_SHAPE = new Set(['Start', 'End', 'Recurrence', 'StartTimeZone', 'EndTimeZone']);

/**
 * Optimistic concurrency as Exchange does it: a stale change key fails under NeverOverwrite;
 * under AutoResolve only when a field being set changed since that version; AlwaysOverwrite wins.
 */
function checkConflict(item: Item, changeKey: string | undefined, mode: Resolution, changes: FieldChange[]): void {
  if (changeKey === undefined) {
    if (mode === 'NeverOverwrite') throw ewsError('ErrorChangeKeyRequiredForWriteOperations');
    return;
  }
  const version = versionOfChangeKey(changeKey);
  if (version === undefined) throw ewsError('ErrorInvalidChangeKey');
  if (version === item.version || mode === 'AlwaysOverwrite') return;
  if (version > item.version) throw ewsError('ErrorInvalidChangeKey');
  if (mode === 'NeverOverwrite') throw ewsError('ErrorIrresolvableConflict');
  const touched = changes.some((c) => (item.fieldVersions?.[c.name] ?? 0) > version);
  if (touched) throw ewsError('ErrorIrresolvableConflict');
}

export function updateItem(req: XNode, ctx: OpContext): string {
  const mode = (req.attrs.ConflictResolution ?? 'AutoResolve') as Resolution;
  if (!['NeverOverwrite', 'AutoResolve', 'AlwaysOverwrite'].includes(mode)) {
    throw ewsError('ErrorSchemaValidation', `ConflictResolution '${mode}' is not valid.`, true);
  }
  const invitations = req.attrs.SendMeetingInvitationsOrCancellations;
  const messages = (child(req, 'ItemChanges')?.children ?? []).map((change) =>
    perElement('UpdateItemResponseMessage', '<m:Items/>', () => {
      const idNode = itemIdNode(change);
      if (!idNode) throw ewsError('ErrorSchemaValidation', 'ItemChange needs an item id.', true);
      const resolved = resolveItemNode(ctx, idNode);
      const item = resolved.stored;
      if (item.kind === 'message' && !req.attrs.MessageDisposition) throw ewsError('ErrorMessageDispositionRequired');
      if (item.kind === 'calendar' && !invitations) throw ewsError('ErrorSendMeetingInvitationsOrCancellationsRequired');
      const changes = (child(change, 'Updates')?.children ?? []).map((u) => fieldChange(u, item.kind));
      const changeKey = resolved.occurrence ? undefined : idNode.attrs.ChangeKey;
      checkConflict(item, changeKey, mode, changes);
      // Work on copies so that a failing change leaves the item untouched.
      const fields = { ...item.fields };
      const scratch: Item = { ...item, fields, extended: item.extended ? [...item.extended] : undefined };
      if (resolved.occurrence) applyToOccurrence(scratch, resolved.occurrence, changes);
      else for (const c of changes) c.apply(fields, scratch);
      // As in Outlook/Exchange, changing a series' time or pattern drops its exceptions.
      if (!resolved.occurrence && changes.some((c) => SERIES_SHAPE.has(c.name))) {
        scratch.exceptions = undefined;
        scratch.deletedOccurrences = undefined;
      }
      if (item.kind === 'calendar' && Date.parse(String(fields.End)) < Date.parse(String(fields.Start))) {
        throw ewsError('ErrorCalendarEndDateIsEarlierThanStartDate');
      }
      const names = resolved.occurrence ? ['ModifiedOccurrences'] : changes.map((c) => c.name);
      ctx.store.updateItem(item, names, () => {
        item.fields = fields;
        item.extended = scratch.extended;
        item.exceptions = scratch.exceptions;
        item.deletedOccurrences = scratch.deletedOccurrences;
      });
      if (item.kind === 'calendar' && invitations !== 'SendToNone' && recipientsOf(item).length > 0) {
        ctx.outbox.record({ from: item.mailbox, kind: 'meetingRequest', to: recipientsOf(item), subject: String(item.fields.Subject ?? '') });
      }
      ctx.countWrite(item.mailbox, 'updates');
      const shown = resolved.occurrence ? { ...resolved.item, changeKey: item.changeKey } : item;
      return successMessage(
        'UpdateItemResponseMessage',
        el('m:Items', undefined, renderItem(shown, ID_ONLY, ctx.render)) + '<m:ConflictResults><t:Count>0</t:Count></m:ConflictResults>',
      );
    }),
  );
  return renderOperationResponse('UpdateItem', messages.join(''));
}
