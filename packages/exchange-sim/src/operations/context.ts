import type { MailboxStore } from '../store/mailbox-store.js';
import type { Folder, Item, Mailbox } from '../store/model.js';
import type { RenderContext } from '../items/property-def.js';
import { generateMime } from '../items/mime.js';
import { child, type XNode } from '../xml/xml-node.js';
import { EwsError, ewsError } from '../soap/ews-error.js';
import { errorMessage } from '../soap/response-message.js';
import type { Outbox } from './outbox.js';
import type { Subscriptions } from './subscriptions.js';

export type WriteKind = 'creates' | 'updates' | 'deletes';

export interface OpContext {
  store: MailboxStore;
  /** The mailbox the request acts on (the impersonated one, or the caller's own). */
  mailbox: Mailbox;
  /** The authenticated account. */
  principal: Mailbox;
  render: RenderContext;
  outbox: Outbox;
  subscriptions: Subscriptions;
  countWrite(mailbox: string, kind: WriteKind, n?: number): void;
}

export type OperationHandler = (req: XNode, ctx: OpContext) => string;

export function renderContext(store: MailboxStore): RenderContext {
  return {
    folderChangeKey: (id) => store.folders.get(id)?.changeKey ?? '',
    mimeOf: (item) => item.mime ?? generateMime(item, ownerOf(store, item)),
    ownerOf: (item) => ownerOf(store, item),
  };
}

function ownerOf(store: MailboxStore, item: Item): { name: string; email: string } {
  const mailbox = store.mailbox(item.mailbox);
  return { name: mailbox?.displayName ?? item.mailbox, email: item.mailbox };
}

function canAccess(ctx: OpContext, smtp: string): boolean {
  return smtp === ctx.mailbox.smtp || smtp === ctx.principal.smtp || ctx.principal.canImpersonate;
}

/** A t:FolderId or t:DistinguishedFolderId (optionally naming another mailbox). */
export function resolveFolder(ctx: OpContext, node: XNode | undefined): Folder {
  if (!node) throw ewsError('ErrorSchemaValidation', 'A folder id is required.', true);
  if (node.local === 'DistinguishedFolderId') {
    const email = child(child(node, 'Mailbox'), 'EmailAddress')?.text.trim();
    const mailbox = email ? ctx.store.mailbox(email) : ctx.mailbox;
    if (!mailbox) throw ewsError('ErrorNonExistentMailbox', email);
    if (!canAccess(ctx, mailbox.smtp)) throw ewsError('ErrorAccessDenied');
    const id = mailbox.distinguished.get(node.attrs.Id ?? '');
    if (!id) throw ewsError('ErrorFolderNotFound');
    return ctx.store.folders.get(id)!;
  }
  if (node.local !== 'FolderId') throw ewsError('ErrorSchemaValidation', `${node.local} is not a folder id.`, true);
  const folder = ctx.store.folders.get(node.attrs.Id ?? '');
  if (!folder) {
    if (!/^[A-Za-z0-9+/=]+$/.test(node.attrs.Id ?? '')) throw ewsError('ErrorInvalidIdMalformed');
    throw ewsError('ErrorFolderNotFound');
  }
  if (!canAccess(ctx, folder.mailbox)) throw ewsError('ErrorAccessDenied');
  return folder;
}

export function resolveItem(ctx: OpContext, id: string | undefined): Item {
  const item = id ? ctx.store.items.get(id) : undefined;
  if (!item) {
    if (!id || !/^[A-Za-z0-9+/=]+$/.test(id)) throw ewsError('ErrorInvalidIdMalformed');
    throw ewsError('ErrorItemNotFound');
  }
  if (!canAccess(ctx, item.mailbox)) throw ewsError('ErrorAccessDenied');
  return item;
}

/** Runs one batch element; an EWS error becomes that element's error message, a fault ends the request. */
export function perElement(messageName: string, errorInner: string, run: () => string): string {
  try {
    return run();
  } catch (error) {
    if (error instanceof EwsError && !error.options.fault) return errorMessage(messageName, error, errorInner);
    throw error;
  }
}
