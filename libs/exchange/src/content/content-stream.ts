import { Readable } from 'node:stream';
import { BasePropertySet, FileAttachment, ItemId, ItemSchema, PropertySet } from 'ews-javascript-api';
import { ExchangeError } from '../errors/exchange.error.js';
import { fromServiceResponse, isFailure } from '../errors/fault-normalizer.js';
import type { EwsContext } from '../ews/ews-context.js';

/** Characters of base64 decoded per chunk: a multiple of 4, so every slice decodes on its own. */
const CHUNK_CHARS = 256 * 1024;

/**
 * Decodes base64 lazily, chunk by chunk, as the consumer reads. ews-javascript-api hands the
 * content over as one base64 string inside the fully parsed response, so the encoded form is in
 * memory whole; only the decoded bytes are produced incrementally (see README "Limits").
 */
export function base64Readable(base64: string): Readable {
  const clean = /\s/.test(base64) ? base64.replace(/\s+/g, '') : base64;
  let offset = 0;
  return new Readable({
    read() {
      if (offset >= clean.length) return void this.push(null);
      const slice = clean.slice(offset, offset + CHUNK_CHARS);
      offset += CHUNK_CHARS;
      this.push(Buffer.from(slice, 'base64'));
    },
  });
}

export async function openMimeStream(ctx: EwsContext, mailbox: string, itemId: string): Promise<Readable> {
  const set = new PropertySet(BasePropertySet.IdOnly, [ItemSchema.MimeContent]);
  const responses = await ctx.call(mailbox, (s) => s.BindToItems([new ItemId(itemId)], set));
  const response = responses.Responses[0];
  if (!response) throw new ExchangeError('EXCHANGE_UNEXPECTED_RESPONSE', 'GetItem answered nothing', { mailbox, itemId });
  if (isFailure(response)) throw fromServiceResponse(response, { mailbox, itemId });
  const content = response.Item.MimeContent?.Content;
  if (content === undefined || content === null) throw new ExchangeError('EXCHANGE_UNEXPECTED_RESPONSE', 'the item has no MIME content', { mailbox, itemId });
  return base64Readable(content);
}

export async function openAttachmentStream(ctx: EwsContext, mailbox: string, attachmentId: string): Promise<Readable> {
  const responses = await ctx.call(mailbox, (s) => s.GetAttachments([attachmentId], null as never, null as never));
  const response = responses.Responses[0];
  if (!response) throw new ExchangeError('EXCHANGE_UNEXPECTED_RESPONSE', 'GetAttachment answered nothing', { mailbox });
  if (isFailure(response)) throw fromServiceResponse(response, { mailbox });
  const attachment = response.Attachment;
  if (!(attachment instanceof FileAttachment) || attachment.Base64Content === null || attachment.Base64Content === undefined) {
    throw new ExchangeError('EXCHANGE_UNEXPECTED_RESPONSE', 'the attachment is not a file attachment with content', { mailbox });
  }
  return base64Readable(attachment.Base64Content);
}
