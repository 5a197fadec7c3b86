import { child, childrenNamed, type XNode } from '../xml/xml-node.js';
import { el, textEl } from '../xml/xml-write.js';
import { ewsError } from '../soap/ews-error.js';
import { renderOperationResponse } from '../soap/envelope.js';
import { successMessage } from '../soap/response-message.js';
import { parseShape } from '../items/shape.js';
import { renderItem } from '../items/item-xml.js';
import { decodeSyncState, encodeSyncState } from '../store/sync-state.js';
import type { Folder } from '../store/model.js';
import { perElement, resolveFolder, type OpContext } from './context.js';
import { renderFolder } from './folder-render.js';

export const MAX_SYNC_CHANGES = 512;

export function syncFolderItems(req: XNode, ctx: OpContext): string {
  const shape = parseShape(child(req, 'ItemShape'));
  const max = Number(child(req, 'MaxChangesReturned')?.text ?? NaN);
  if (!Number.isInteger(max) || max < 1 || max > MAX_SYNC_CHANGES) {
    throw ewsError('ErrorSchemaValidation', `MaxChangesReturned must be between 1 and ${MAX_SYNC_CHANGES}.`, true);
  }
  const ignore = new Set(childrenNamed(child(req, 'Ignore'), 'ItemId').map((n) => n.attrs.Id));
  const message = perElement('SyncFolderItemsResponseMessage', '', () => {
    const folder = resolveFolder(ctx, child(req, 'SyncFolderId')?.children[0]);
    const stateText = child(req, 'SyncState')?.text.trim();
    const since = stateText ? decodeSyncState(stateText, folder.id, ctx.store.seq) : 0;
    const log = ctx.store.logs.get(folder.id)!;
    const changes = log.changesSince(since, (id) => ctx.store.items.get(id)?.entered).filter((c) => !ignore.has(c.id));
    const page = changes.slice(0, max);
    const includesLast = page.length === changes.length;
    const newSeq = includesLast ? Math.max(since, log.lastSeq) : page.at(-1)!.seq;
    let inner = '';
    for (const change of page) {
      if (change.kind === 'Delete') {
        inner += `<t:Delete>${el('t:ItemId', { Id: change.id })}</t:Delete>`;
        continue;
      }
      const item = ctx.store.items.get(change.id)!;
      if (change.kind === 'ReadFlagChange') {
        inner += `<t:ReadFlagChange>${el('t:ItemId', { Id: item.id, ChangeKey: item.changeKey })}${textEl('t:IsRead', Boolean(item.fields.IsRead))}</t:ReadFlagChange>`;
      } else {
        inner += `<t:${change.kind}>${renderItem(item, shape, ctx.render, { forFind: true })}</t:${change.kind}>`;
      }
    }
    return successMessage(
      'SyncFolderItemsResponseMessage',
      textEl('m:SyncState', encodeSyncState(folder.id, newSeq)) +
        textEl('m:IncludesLastItemInRange', includesLast) +
        el('m:Changes', undefined, inner),
    );
  });
  return renderOperationResponse('SyncFolderItems', message);
}

function subtree(ctx: OpContext, root: Folder): Folder[] {
  const out: Folder[] = [];
  const walk = (f: Folder) => {
    for (const c of ctx.store.childFolders(f.id)) {
      out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

export function syncFolderHierarchy(req: XNode, ctx: OpContext): string {
  const shape = parseShape(child(req, 'FolderShape'));
  const message = perElement('SyncFolderHierarchyResponseMessage', '', () => {
    const rootNode = child(req, 'SyncFolderId')?.children[0];
    const root = rootNode ? resolveFolder(ctx, rootNode) : ctx.store.folders.get(ctx.mailbox.distinguished.get('msgfolderroot')!)!;
    const scope = `hierarchy:${root.id}`;
    const stateText = child(req, 'SyncState')?.text.trim();
    const since = stateText ? decodeSyncState(stateText, scope, ctx.store.seq) : 0;
    const folders = subtree(ctx, root).filter((f) => f.version > since).sort((a, b) => a.version - b.version);
    const mailbox = ctx.store.mailbox(root.mailbox)!;
    const deleted = (mailbox.deletedFolders ?? []).filter((d) => d.seq > since && d.created <= since && d.ancestors.includes(root.id));
    const inner =
      folders
        .map((f) => {
          const kind = f.created > since ? 'Create' : 'Update';
          return `<t:${kind}>${renderFolder(ctx.store, f, shape)}</t:${kind}>`;
        })
        .join('') + deleted.map((d) => `<t:Delete>${el('t:FolderId', { Id: d.id })}</t:Delete>`).join('');
    const newSeq = Math.max(since, ...folders.map((f) => f.version), ...deleted.map((d) => d.seq));
    return successMessage(
      'SyncFolderHierarchyResponseMessage',
      textEl('m:SyncState', encodeSyncState(scope, newSeq)) +
        textEl('m:IncludesLastFolderInRange', true) +
        el('m:Changes', undefined, inner),
    );
  });
  return renderOperationResponse('SyncFolderHierarchy', message);
}
