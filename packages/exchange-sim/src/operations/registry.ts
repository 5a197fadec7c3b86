import { child, type XNode } from '../xml/xml-node.js';
import type { OperationHandler } from './context.js';
import { createFolder, findFolder, getFolder } from './folder-operations.js';
import { syncFolderHierarchy, syncFolderItems } from './sync-operations.js';
import { findItem } from './find-item.js';
import { getItem } from './get-item.js';
import { createItem } from './create-item.js';
import { updateItem } from './update-item.js';
import { copyItem, deleteItem, moveItem } from './delete-move.js';
import { createAttachment, getAttachment } from './attachment-operations.js';
import { resolveNames } from './resolve-names.js';
import { getEvents, subscribe, unsubscribe } from './subscriptions.js';

export interface OperationSpec {
  handler: OperationHandler;
  /** The batch container whose children each get a response message (for injected errors). */
  batch?: string;
  /** The element each error message must contain to stay schema-valid. */
  errorInner: string;
  write: boolean;
}

export const OPERATIONS: Record<string, OperationSpec> = {
  GetFolder: { handler: getFolder, batch: 'FolderIds', errorInner: '<m:Folders/>', write: false },
  FindFolder: { handler: findFolder, batch: 'ParentFolderIds', errorInner: '', write: false },
  CreateFolder: { handler: createFolder, batch: 'Folders', errorInner: '<m:Folders/>', write: true },
  SyncFolderHierarchy: { handler: syncFolderHierarchy, errorInner: '', write: false },
  SyncFolderItems: { handler: syncFolderItems, errorInner: '', write: false },
  FindItem: { handler: findItem, batch: 'ParentFolderIds', errorInner: '', write: false },
  GetItem: { handler: getItem, batch: 'ItemIds', errorInner: '<m:Items/>', write: false },
  CreateItem: { handler: createItem, batch: 'Items', errorInner: '<m:Items/>', write: true },
  UpdateItem: { handler: updateItem, batch: 'ItemChanges', errorInner: '<m:Items/>', write: true },
  DeleteItem: { handler: deleteItem, batch: 'ItemIds', errorInner: '', write: true },
  MoveItem: { handler: moveItem, batch: 'ItemIds', errorInner: '<m:Items/>', write: true },
  CopyItem: { handler: copyItem, batch: 'ItemIds', errorInner: '<m:Items/>', write: true },
  CreateAttachment: { handler: createAttachment, batch: 'Attachments', errorInner: '<m:Attachments/>', write: true },
  GetAttachment: { handler: getAttachment, batch: 'AttachmentIds', errorInner: '<m:Attachments/>', write: false },
  ResolveNames: { handler: resolveNames, errorInner: '', write: false },
  Subscribe: { handler: subscribe, errorInner: '', write: false },
  GetEvents: { handler: getEvents, errorInner: '', write: false },
  Unsubscribe: { handler: unsubscribe, errorInner: '', write: false },
};

/** How many response messages a request gets: one per batch element. */
export function batchSize(operation: string, req: XNode): number {
  const container = OPERATIONS[operation]?.batch;
  return container ? Math.max(1, child(req, container)?.children.length ?? 1) : 1;
}
