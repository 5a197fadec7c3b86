import type { Readable } from 'node:stream';
import type { ExchangeRef, ObjectType } from '@connector/core';
import { openAttachmentStream, openMimeStream } from './content/content-stream.js';
import { EwsContext } from './ews/ews-context.js';
import type { ExchangeGatewayOptions } from './ews-gateway.config.js';
import type {
  ChangeFeedRequest,
  ChangePage,
  DeleteType,
  ExchangePort,
  FetchedItem,
  FolderRef,
  SubfolderRef,
  ItemMark,
  ItemMarks,
  ItemResult,
  ItemUpdate,
  NewItem,
} from './exchange.port.js';
import { listSubfolders, resolveFolderPath } from './folders/folder-path.js';
import { findByLinkId, markItem, moveItem, readMarks } from './items/item-marks.js';
import { getItems } from './items/item-reader.js';
import { createItems, deleteItems, updateItems } from './items/item-writer.js';
import { syncFolderItemsPage } from './sync/change-feed.js';

/** The ExchangePort on ews-javascript-api: one instance per Exchange server (EWS URL + service account). */
export class EwsGateway implements ExchangePort {
  private readonly ctx: EwsContext;

  constructor(options: ExchangeGatewayOptions) {
    this.ctx = new EwsContext(options);
  }

  /** NTLM handshakes so far; with connection reuse this stays near the number of sockets. */
  get ntlmHandshakes(): number {
    return this.ctx.sender.handshakes;
  }

  resolveFolder(mailbox: string, path: string, options: { create?: boolean } = {}): Promise<FolderRef> {
    return this.ctx.call(mailbox, (s) => resolveFolderPath(s, path, options.create ?? false));
  }

  listSubfolders(mailbox: string, folderId: string): Promise<SubfolderRef[]> {
    return this.ctx.call(mailbox, (s) => listSubfolders(s, folderId));
  }

  syncFolderItems(mailbox: string, request: ChangeFeedRequest): Promise<ChangePage> {
    return this.ctx.call(mailbox, (s) => syncFolderItemsPage(s, request));
  }

  getItems<T extends ObjectType>(mailbox: string, type: T, itemIds: readonly string[]): Promise<ItemResult<FetchedItem<T>>[]> {
    return getItems(this.ctx, mailbox, type, itemIds);
  }

  createItems<T extends ObjectType>(mailbox: string, type: T, folderId: string, items: readonly NewItem<T>[]): Promise<ItemResult<ExchangeRef>[]> {
    return createItems(this.ctx, mailbox, type, folderId, items);
  }

  updateItems<T extends ObjectType>(mailbox: string, type: T, updates: readonly ItemUpdate<T>[], options: { conflict?: 'fail' | 'overwrite' } = {}): Promise<ItemResult<ExchangeRef>[]> {
    return updateItems(this.ctx, mailbox, type, updates, options.conflict ?? 'fail');
  }

  deleteItems(mailbox: string, itemIds: readonly string[], options: { deleteType?: DeleteType } = {}): Promise<ItemResult<{ itemId: string }>[]> {
    return deleteItems(this.ctx, mailbox, itemIds, options.deleteType ?? 'hardDelete');
  }

  findByLinkId(mailbox: string, folderId: string, linkId: string): Promise<ExchangeRef | undefined> {
    return findByLinkId(this.ctx, mailbox, folderId, linkId);
  }

  markItem(mailbox: string, ref: ExchangeRef, mark: ItemMark): Promise<ExchangeRef> {
    return markItem(this.ctx, mailbox, ref, mark);
  }

  readMarks(mailbox: string, itemIds: readonly string[]): Promise<ItemResult<ItemMarks>[]> {
    return readMarks(this.ctx, mailbox, itemIds);
  }

  moveItem(mailbox: string, itemId: string, folderId: string): Promise<ExchangeRef> {
    return moveItem(this.ctx, mailbox, itemId, folderId);
  }

  openMimeStream(mailbox: string, itemId: string): Promise<Readable> {
    return openMimeStream(this.ctx, mailbox, itemId);
  }

  openAttachmentStream(mailbox: string, attachmentId: string): Promise<Readable> {
    return openAttachmentStream(this.ctx, mailbox, attachmentId);
  }

  async close(): Promise<void> {
    this.ctx.close();
  }
}

export function createEwsGateway(options: ExchangeGatewayOptions): EwsGateway {
  return new EwsGateway(options);
}
