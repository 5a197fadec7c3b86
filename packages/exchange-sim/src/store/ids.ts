import { randomBytes } from 'node:crypto';

/*
 * Ids look like Exchange's (base64 of a binary entry id) and are opaque to clients. They embed
 * the mailbox number and a sequence so that a lookup can be validated; change keys embed the
 * item's version, which is how a stale change key is recognised in UpdateItem.
 */
const ITEM_PREFIX = Buffer.from([0x00, 0x00, 0x4d, 0x6b]); // decodes like Exchange's "AAMk…"
const FOLDER_PREFIX = Buffer.from([0x00, 0x00, 0x2e, 0x00]);
const INSTANCE = randomBytes(4);

function encode(prefix: Buffer, mailbox: number, seq: number, salt: Buffer): string {
  const body = Buffer.alloc(16);
  body.writeUInt32BE(mailbox, 0);
  body.writeDoubleBE(seq, 4);
  salt.copy(body, 12, 0, 4);
  return Buffer.concat([prefix, body]).toString('base64');
}

export function newItemId(mailbox: number, seq: number): string {
  return encode(ITEM_PREFIX, mailbox, seq, INSTANCE);
}

export function newFolderId(mailbox: number, seq: number): string {
  return encode(FOLDER_PREFIX, mailbox, seq, INSTANCE);
}

export function newAttachmentId(itemId: string, n: number): string {
  return Buffer.concat([Buffer.from(itemId, 'base64'), Buffer.from([0, 0, 0, n & 0xff, (n >> 8) & 0xff])]).toString('base64');
}

/** Change keys: 4-byte kind marker + the item's version; Exchange's are opaque base64 too. */
export function changeKeyFor(kind: number, version: number): string {
  const buf = Buffer.alloc(12);
  buf.writeUInt32BE(0x0f000000 | kind, 0);
  buf.writeDoubleBE(version, 4);
  return buf.toString('base64');
}

export function versionOfChangeKey(changeKey: string): number | undefined {
  const buf = Buffer.from(changeKey, 'base64');
  if (buf.length !== 12 || (buf.readUInt32BE(0) & 0xff000000) !== 0x0f000000) return undefined;
  const version = buf.readDoubleBE(4);
  return Number.isFinite(version) ? version : undefined;
}
