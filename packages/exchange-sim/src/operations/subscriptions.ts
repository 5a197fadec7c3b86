import { randomBytes } from 'node:crypto';
import { child, childrenNamed, type XNode } from '../xml/xml-node.js';
import { el, textEl } from '../xml/xml-write.js';
import { EwsError } from '../soap/ews-error.js';
import { renderOperationResponse } from '../soap/envelope.js';
import { successMessage } from '../soap/response-message.js';
import { ChangeType, type ChangeEntry } from '../store/change-log.js';
import { perElement, resolveFolder, type OpContext } from './context.js';

interface Subscription {
  id: string;
  mailbox: string;
  folders: Set<string> | 'all';
  events: Set<string>;
  watermark: number;
  timeoutMinutes: number;
  lastPoll: number;
}

const MAX_EVENTS = 512;

/** Pull subscriptions (Subscribe / GetEvents / Unsubscribe), kept in memory like Exchange's. */
export class Subscriptions {
  readonly byId = new Map<string, Subscription>();
}

const encodeWatermark = (seq: number) => Buffer.from(`WM:${seq}`).toString('base64');

function decodeWatermark(text: string, maxSeq: number): number {
  const match = /^WM:(\d+)$/.exec(Buffer.from(text.trim(), 'base64').toString('latin1'));
  const seq = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(seq) || seq > maxSeq) throw new EwsError('ErrorInvalidWatermark', 'The watermark is invalid.');
  return seq;
}

export function subscribe(req: XNode, ctx: OpContext): string {
  const pull = child(req, 'PullSubscriptionRequest');
  const message = perElement('SubscribeResponseMessage', '', () => {
    if (!pull) throw new EwsError('ErrorInvalidRequest', 'Only pull subscriptions are supported by this server.');
    const all = pull.attrs.SubscribeToAllFolders === 'true';
    const folders = all ? 'all' : new Set((child(pull, 'FolderIds')?.children ?? []).map((n) => resolveFolder(ctx, n).id));
    const watermarkText = child(pull, 'Watermark')?.text;
    const subscription: Subscription = {
      id: randomBytes(24).toString('base64'),
      mailbox: ctx.mailbox.smtp,
      folders,
      events: new Set(childrenNamed(child(pull, 'EventTypes'), 'EventType').map((e) => e.text.trim())),
      watermark: watermarkText ? decodeWatermark(watermarkText, ctx.store.seq) : ctx.store.seq,
      timeoutMinutes: Number(child(pull, 'Timeout')?.text ?? 30),
      lastPoll: Date.now(),
    };
    ctx.subscriptions.byId.set(subscription.id, subscription);
    return successMessage('SubscribeResponseMessage', textEl('m:SubscriptionId', subscription.id) + textEl('m:Watermark', encodeWatermark(subscription.watermark)));
  });
  return renderOperationResponse('Subscribe', message);
}

function eventName(ctx: OpContext, entry: ChangeEntry): string[] {
  if (entry.type === ChangeType.Delete) return ['DeletedEvent'];
  const item = ctx.store.items.get(entry.id);
  if (item && entry.type === ChangeType.Upsert && item.entered === entry.seq) {
    return item.kind === 'message' && ctx.mailbox.distinguished.get('inbox') === item.folderId ? ['CreatedEvent', 'NewMailEvent'] : ['CreatedEvent'];
  }
  return ['ModifiedEvent'];
}

export function getEvents(req: XNode, ctx: OpContext): string {
  const message = perElement('GetEventsResponseMessage', '', () => {
    const subscription = ctx.subscriptions.byId.get(child(req, 'SubscriptionId')?.text.trim() ?? '');
    if (!subscription || subscription.mailbox !== ctx.mailbox.smtp) throw new EwsError('ErrorSubscriptionNotFound', 'The specified subscription was not found.');
    if (Date.now() - subscription.lastPoll > subscription.timeoutMinutes * 60_000) {
      ctx.subscriptions.byId.delete(subscription.id);
      throw new EwsError('ErrorExpiredSubscription', 'The subscription has expired.');
    }
    const since = decodeWatermark(child(req, 'Watermark')?.text ?? '', ctx.store.seq);
    subscription.lastPoll = Date.now();
    const folders = subscription.folders === 'all' ? [...ctx.mailbox.folders.keys()] : [...subscription.folders];
    const entries = folders
      .flatMap((id) => (ctx.store.logs.get(id)?.entries ?? []).filter((e) => e.seq > since).map((e) => ({ e, folderId: id })))
      .sort((a, b) => a.e.seq - b.e.seq);
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    let inner = '';
    let count = 0;
    let watermark = since;
    for (const { e, folderId } of entries) {
      if (count >= MAX_EVENTS) break;
      watermark = e.seq;
      count++;
      for (const name of eventName(ctx, e).filter((n) => subscription.events.has(n))) {
        const item = ctx.store.items.get(e.id);
        const folder = ctx.store.folders.get(folderId)!;
        inner +=
          `<t:${name}>${textEl('t:Watermark', encodeWatermark(e.seq))}${textEl('t:TimeStamp', now)}` +
          `${el('t:ItemId', { Id: e.id, ChangeKey: item?.changeKey })}${el('t:ParentFolderId', { Id: folder.id, ChangeKey: folder.changeKey })}</t:${name}>`;
      }
    }
    if (count < MAX_EVENTS) watermark = Math.max(watermark, ctx.store.seq);
    subscription.watermark = watermark;
    if (!inner) inner = `<t:StatusEvent>${textEl('t:Watermark', encodeWatermark(watermark))}</t:StatusEvent>`;
    const notification =
      `${textEl('t:SubscriptionId', subscription.id)}${textEl('t:PreviousWatermark', encodeWatermark(since))}` +
      `${textEl('t:MoreEvents', count >= MAX_EVENTS && entries.length > MAX_EVENTS)}${inner}`;
    return successMessage('GetEventsResponseMessage', el('m:Notification', undefined, notification));
  });
  return renderOperationResponse('GetEvents', message);
}

export function unsubscribe(req: XNode, ctx: OpContext): string {
  const message = perElement('UnsubscribeResponseMessage', '', () => {
    const id = child(req, 'SubscriptionId')?.text.trim() ?? '';
    const subscription = ctx.subscriptions.byId.get(id);
    if (!subscription || subscription.mailbox !== ctx.mailbox.smtp) throw new EwsError('ErrorSubscriptionNotFound', 'The specified subscription was not found.');
    ctx.subscriptions.byId.delete(id);
    return successMessage('UnsubscribeResponseMessage');
  });
  return renderOperationResponse('Unsubscribe', message);
}
