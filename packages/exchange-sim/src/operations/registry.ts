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
import { sendItem } from './send-item.js';
import { deleteAttachment, deleteFolder, updateFolder } from './folder-changes.js';
import { getEvents, subscribe, unsubscribe } from './subscriptions.js';

export interface OperationSpec {
  handler: OperationHandler;
  /** The batch container whose children each get a response message (for injected errors). */
  batch?: string;
  /** The element each error message must contain to stay schema-valid. */
  errorInner: string;
}

export const OPERATIONS: Record<string, OperationSpec> = {
  GetFolder: { handler: getFolder, batch: 'FolderIds', errorInner: '<m:Folders/>' },
  FindFolder: { handler: findFolder, batch: 'ParentFolderIds', errorInner: '' },
  CreateFolder: { handler: createFolder, batch: 'Folders', errorInner: '<m:Folders/>' },
  DeleteFolder: { handler: deleteFolder, batch: 'FolderIds', errorInner: '' },
  UpdateFolder: { handler: updateFolder, batch: 'FolderChanges', errorInner: '<m:Folders/>' },
  SyncFolderHierarchy: { handler: syncFolderHierarchy, errorInner: '' },
  SyncFolderItems: { handler: syncFolderItems, errorInner: '' },
  FindItem: { handler: findItem, batch: 'ParentFolderIds', errorInner: '' },
  GetItem: { handler: getItem, batch: 'ItemIds', errorInner: '<m:Items/>' },
  CreateItem: { handler: createItem, batch: 'Items', errorInner: '<m:Items/>' },
  UpdateItem: { handler: updateItem, batch: 'ItemChanges', errorInner: '<m:Items/>' },
  DeleteItem: { handler: deleteItem, batch: 'ItemIds', errorInner: '' },
  MoveItem: { handler: moveItem, batch: 'ItemIds', errorInner: '<m:Items/>' },
  CopyItem: { handler: copyItem, batch: 'ItemIds', errorInner: '<m:Items/>' },
  CreateAttachment: { handler: createAttachment, batch: 'Attachments', errorInner: '<m:Attachments/>' },
  GetAttachment: { handler: getAttachment, batch: 'AttachmentIds', errorInner: '<m:Attachments/>' },
  DeleteAttachment: { handler: deleteAttachment, batch: 'AttachmentIds', errorInner: '' },
  ResolveNames: { handler: resolveNames, errorInner: '' },
  SendItem: { handler: sendItem, batch: 'ItemIds', errorInner: '' },
  Subscribe: { handler: subscribe, errorInner: '' },
  GetEvents: { handler: getEvents, errorInner: '' },
  Unsubscribe: { handler: unsubscribe, errorInner: '' },
};

/** How many response messages a request gets: one per batch element. */
export function batchSize(operation: string, req: XNode): number {
  const container = OPERATIONS[operation]?.batch;
  return container ? Math.max(1, child(req, container)?.children.length ?? 1) : 1;
}
