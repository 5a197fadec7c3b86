import { child, type XNode } from '../xml/xml-node.js';
import { el } from '../xml/xml-write.js';
import { ewsError } from '../soap/ews-error.js';
import { renderOperationResponse } from '../soap/envelope.js';
import { successMessage } from '../soap/response-message.js';
import { parseShape } from '../items/shape.js';
import type { Folder } from '../store/model.js';
import { perElement, resolveFolder, type OpContext } from './context.js';
import { compileRestriction, type GetterFor } from './restriction.js';
import { renderFolder } from './folder-render.js';

export function getFolder(req: XNode, ctx: OpContext): string {
  const shape = parseShape(child(req, 'FolderShape'));
  const ids = child(req, 'FolderIds')?.children ?? [];
  const messages = ids.map((node) =>
    perElement('GetFolderResponseMessage', '<m:Folders/>', () => {
      const folder = resolveFolder(ctx, node);
      return successMessage('GetFolderResponseMessage', el('m:Folders', undefined, renderFolder(ctx.store, folder, shape)));
    }),
  );
  return renderOperationResponse('GetFolder', messages.join(''));
}

function descendants(ctx: OpContext, folder: Folder, deep: boolean): Folder[] {
  const out: Folder[] = [];
  for (const c of ctx.store.childFolders(folder.id)) {
    out.push(c);
    if (deep) out.push(...descendants(ctx, c, true));
  }
  return out;
}

/** Folder properties a FindFolder restriction can test. */
function folderGetter(ctx: OpContext): GetterFor<Folder> {
  return (path) => {
    const uri = path.attrs.FieldURI ?? '';
    const getters: Record<string, (f: Folder) => string | number> = {
      'folder:DisplayName': (f) => f.displayName,
      'folder:FolderClass': (f) => f.folderClass,
      'folder:TotalCount': (f) => ctx.store.folderItems.get(f.id)?.size ?? 0,
      'folder:ChildFolderCount': (f) => ctx.store.childFolders(f.id).length,
    };
    const get = path.local === 'FieldURI' ? getters[uri] : undefined;
    if (!get) throw ewsError('ErrorUnsupportedPathForQuery', uri);
    return { get };
  };
}

export function findFolder(req: XNode, ctx: OpContext): string {
  const shape = parseShape(child(req, 'FolderShape'));
  const traversal = req.attrs.Traversal ?? 'Shallow';
  if (traversal !== 'Shallow' && traversal !== 'Deep' && traversal !== 'SoftDeleted') {
    throw ewsError('ErrorSchemaValidation', `Traversal '${traversal}' is not valid.`, true);
  }
  const view = child(req, 'IndexedPageFolderView');
  const restriction = child(req, 'Restriction')?.children[0];
  const predicate = restriction ? compileRestriction(restriction, folderGetter(ctx)) : undefined;
  const messages = (child(req, 'ParentFolderIds')?.children ?? []).map((node) =>
    perElement('FindFolderResponseMessage', '', () => {
      const found = traversal === 'SoftDeleted' ? [] : descendants(ctx, resolveFolder(ctx, node), traversal === 'Deep');
      const all = predicate ? found.filter(predicate) : found;
      const offset = Number(view?.attrs.Offset ?? 0);
      const max = view?.attrs.MaxEntriesReturned ? Number(view.attrs.MaxEntriesReturned) : all.length;
      const fromEnd = view?.attrs.BasePoint === 'End';
      const start = fromEnd ? Math.max(0, all.length - offset - max) : offset;
      const page = all.slice(start, start + max);
      const attrs = {
        IndexedPagingOffset: fromEnd ? all.length - start - page.length : start + page.length,
        TotalItemsInView: all.length,
        IncludesLastItemInRange: fromEnd ? start === 0 : start + page.length >= all.length,
      };
      const folders = el('t:Folders', undefined, page.map((f) => renderFolder(ctx.store, f, shape)).join(''));
      return successMessage('FindFolderResponseMessage', el('m:RootFolder', attrs, folders));
    }),
  );
  return renderOperationResponse('FindFolder', messages.join(''));
}

export function createFolder(req: XNode, ctx: OpContext): string {
  const parent = resolveFolder(ctx, child(req, 'ParentFolderId')?.children[0]);
  const specs = child(req, 'Folders')?.children ?? [];
  const defaultClass: Record<string, string> = {
    Folder: 'IPF.Note', CalendarFolder: 'IPF.Appointment', ContactsFolder: 'IPF.Contact', TasksFolder: 'IPF.Task', SearchFolder: 'IPF.Note',
  };
  const messages = specs.map((spec) =>
    perElement('CreateFolderResponseMessage', '<m:Folders/>', () => {
      const displayName = child(spec, 'DisplayName')?.text;
      if (!displayName) throw ewsError('ErrorSchemaValidation', 'A folder needs a DisplayName.', true);
      const siblings = ctx.store.childFolders(parent.id);
      if (siblings.some((f) => f.displayName.toLowerCase() === displayName.toLowerCase())) throw ewsError('ErrorFolderExists');
      const folderClass = child(spec, 'FolderClass')?.text ?? defaultClass[spec.local] ?? 'IPF.Note';
      const folder = ctx.store.createFolder(ctx.store.mailbox(parent.mailbox)!, parent.id, displayName, folderClass);
      ctx.store.touchFolder(parent);
      ctx.countWrite(folder.mailbox, 'creates');
      const name = renderFolder(ctx.store, folder, { base: 'IdOnly', uris: new Set(), extended: [], includeMime: false });
      return successMessage('CreateFolderResponseMessage', el('m:Folders', undefined, name));
    }),
  );
  return renderOperationResponse('CreateFolder', messages.join(''));
}
