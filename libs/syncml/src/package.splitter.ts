import { chunkItem, isContinuation } from './large-object.js';
import type { Add, Alert, Command, Copy, Delete, Get, MapCommand, Put, Replace, Results, Status, Sync, SyncHdr, SyncMLMessage } from './message.model.js';
import type { EncodeOptions } from './message.encoder.js';
import { FINAL_ELEMENT, SYNC_CLOSE, encodeCommand, encodeEnvelope, encodeItem, encodeSyncOpen } from './message.encoder.js';
import { SyncmlEncodeError } from './syncml.error.js';
import { utf8Length } from './xml-writer.js';

type Drafted<T> = Omit<T, 'cmdID'> & { cmdID?: number };
export type SyncChildDraft = Drafted<Add> | Drafted<Replace> | Drafted<Delete> | Drafted<Copy>;
export type SyncDraft = Omit<Sync, 'cmdID' | 'commands'> & { cmdID?: number; commands: SyncChildDraft[] };
/** A command whose CmdID the packer assigns (any CmdID given is replaced). */
export type CommandDraft =
  | SyncChildDraft
  | Drafted<Alert>
  | Drafted<Get>
  | Drafted<Put>
  | Drafted<Results>
  | Drafted<Status>
  | Drafted<MapCommand>
  | SyncDraft;

export interface PackOptions {
  /** The receiver's MaxMsgSize in bytes: every encoded message stays at or below it. */
  maxMsgSize: number;
  /** The receiver's MaxObjSize: an item larger than this is refused (SYNCML_OBJECT_TOO_LARGE). */
  maxObjSize?: number;
  /** Split items larger than a message with MoreData (receiver's SupportLargeObjs). Default true. */
  largeObjects?: boolean;
  /** Bytes kept free below maxMsgSize for anything the transport adds. Default 0. */
  reserve?: number;
  /** Smallest useful large-object chunk; below this the chunk waits for the next message. Default 256. */
  minChunk?: number;
  encode?: EncodeOptions;
}

export interface PackResult {
  message: SyncMLMessage;
  /**
   * Commands (or remainders of split commands) that go into the next message. Pass them back
   * as they are: a split item's remainder is recognised by identity (a clone would get Meta
   * Size again on its next chunk).
   */
  rest: CommandDraft[];
  /** Encoded size of `message` in bytes. */
  size: number;
}

interface Fit {
  taken?: Command;
  rest?: CommandDraft;
  size: number;
}

interface Ctx {
  opts: PackOptions;
  empty: boolean;
  /** Space a command would have in an otherwise empty message. */
  emptyBudget: number;
  nextId: number;
}

const enc = (cmd: Command, ctx: Ctx): number => utf8Length(encodeCommand(cmd, ctx.opts.encode ?? {}));
type ItemDraft = Exclude<CommandDraft, SyncDraft | Drafted<Status> | Drafted<MapCommand>>;

function dataLength(cmd: { items?: { data?: unknown }[] }): number {
  return (cmd.items ?? []).reduce((n, i) => n + (typeof i.data === 'string' ? i.data.length : 0), 0);
}

function checkObjSize(d: CommandDraft, ctx: Ctx): void {
  const max = ctx.opts.maxObjSize;
  if (max === undefined || !('items' in d)) return;
  for (const item of d.items ?? []) {
    if (typeof item.data === 'string' && !isContinuation(item) && utf8Length(item.data) > max) {
      throw new SyncmlEncodeError('SYNCML_OBJECT_TOO_LARGE', `item of ${utf8Length(item.data)} bytes, MaxObjSize ${max}`);
    }
  }
}

/** Fits a whole command, or a prefix of its items, or a first chunk of its first item. */
function fitCommand(d: ItemDraft | Drafted<Status> | Drafted<MapCommand>, space: number, ctx: Ctx): Fit {
  const cmdID = ctx.nextId;
  const full = { ...d, cmdID } as Command;
  // Each character costs at least one byte, so oversized data is known not to fit without encoding it.
  if (dataLength(full as ItemDraft) <= space) {
    const size = enc(full, ctx);
    if (size <= space) return { taken: full, size };
  }
  if (d.kind === 'Status' || d.kind === 'Map' || !('items' in d) || d.items.length === 0) return { size: 0 };
  const shell = enc({ ...d, cmdID, items: [] } as Command, ctx);
  let used = shell;
  let k = 0;
  for (const item of d.items) {
    if (typeof item.data === 'string' && item.data.length > space - used) break;
    const size = utf8Length(encodeItem(item, ctx.opts.encode ?? {}));
    if (used + size > space) break;
    used += size;
    k++;
  }
  if (k > 0) {
    return { taken: { ...d, cmdID, items: d.items.slice(0, k) } as Command, rest: { ...d, items: d.items.slice(k) }, size: used };
  }
  const first = d.items[0] as NonNullable<typeof d.items>[number];
  const firstData = typeof first.data === 'string' ? first.data : '';
  const fitsEmpty = firstData.length <= ctx.emptyBudget - shell && shell + utf8Length(encodeItem(first, ctx.opts.encode ?? {})) <= ctx.emptyBudget;
  const chunkable = (d.kind === 'Add' || d.kind === 'Replace') && typeof first.data === 'string' && ctx.opts.largeObjects !== false;
  if (fitsEmpty || !chunkable) return { size: 0 };
  const minChunk = ctx.empty ? 1 : (ctx.opts.minChunk ?? 256);
  const split = chunkItem(first, space - shell, minChunk, ctx.opts.encode ?? {});
  if (!split) return { size: 0 };
  const taken = { ...d, cmdID, items: [split.head] } as Command;
  return { taken, rest: { ...d, items: [split.tail, ...d.items.slice(1)] } as CommandDraft, size: enc(taken, ctx) };
}

function fitSync(d: SyncDraft, space: number, ctx: Ctx): Fit {
  const cmdID = ctx.nextId;
  const frame = utf8Length(encodeSyncOpen({ ...d, cmdID })) + SYNC_CLOSE.length;
  if (frame > space) return { size: 0 };
  const inner: Ctx = { ...ctx, nextId: cmdID + 1, emptyBudget: ctx.emptyBudget - frame };
  let innerSpace = space - frame;
  const taken: Sync['commands'] = [];
  const children = [...d.commands];
  while (children.length > 0) {
    const child = children[0] as SyncChildDraft;
    checkObjSize(child, ctx);
    inner.empty = ctx.empty && taken.length === 0;
    const f = fitCommand(child, innerSpace, inner);
    if (!f.taken) break;
    taken.push(f.taken as Sync['commands'][number]);
    innerSpace -= f.size;
    inner.nextId++;
    if (f.rest) {
      children[0] = f.rest as SyncChildDraft;
      break;
    }
    children.shift();
  }
  if (taken.length === 0 && d.commands.length > 0) return { size: 0 };
  ctx.nextId = inner.nextId - 1;
  const sync: Sync = { ...d, cmdID, commands: taken };
  return { taken: sync, rest: children.length > 0 ? { ...d, commands: children } : undefined, size: space - innerSpace };
}

/**
 * Encoded size in bytes of a command draft, counting its CmdIDs (and those of commands nested
 * in a Sync) as five digits: an upper bound for planning how much fits into a message.
 */
export function commandSize(draft: CommandDraft, encode: EncodeOptions = {}): number {
  const command = (draft.kind === 'Sync'
    ? { ...draft, cmdID: 99999, commands: draft.commands.map((c) => ({ ...c, cmdID: 99999 })) }
    : { ...draft, cmdID: 99999 }) as Command;
  return utf8Length(encodeCommand(command, encode));
}

/**
 * Builds one message from the front of `commands`, as many as fit under maxMsgSize (header,
 * SyncBody and Final included). CmdIDs are assigned from `firstCmdId` in document order.
 * Final is set only when `final` is true and every command fitted.
 */
export function packMessage(header: SyncHdr, commands: CommandDraft[], final: boolean, opts: PackOptions, firstCmdId = 1): PackResult {
  const { head, tail } = encodeEnvelope(header, opts.encode);
  const budget = opts.maxMsgSize - (opts.reserve ?? 0) - utf8Length(head) - tail.length - FINAL_ELEMENT.length;
  if (budget <= 0) throw new SyncmlEncodeError('SYNCML_DOES_NOT_FIT', `MaxMsgSize ${opts.maxMsgSize} leaves no room after the header`);
  const ctx: Ctx = { opts, empty: true, emptyBudget: budget, nextId: firstCmdId };
  const body: Command[] = [];
  const queue = [...commands];
  let used = 0;
  while (queue.length > 0) {
    const d = queue[0] as CommandDraft;
    ctx.empty = body.length === 0;
    if (d.kind !== 'Sync') checkObjSize(d, ctx);
    const f = d.kind === 'Sync' ? fitSync(d, budget - used, ctx) : fitCommand(d, budget - used, ctx);
    if (!f.taken) {
      if (body.length === 0) throw new SyncmlEncodeError('SYNCML_DOES_NOT_FIT', `${d.kind} does not fit into MaxMsgSize ${opts.maxMsgSize}`);
      break;
    }
    body.push(f.taken);
    used += f.size;
    ctx.nextId++;
    if (f.rest) {
      queue[0] = f.rest;
      break;
    }
    queue.shift();
  }
  const message: SyncMLMessage = { header, body, final: final && queue.length === 0 };
  return { message, rest: queue, size: utf8Length(head) + used + tail.length + (message.final ? FINAL_ELEMENT.length : 0) };
}

/**
 * Splits a package into messages under maxMsgSize, MsgIDs counting up from header.msgID,
 * CmdIDs restarting at 1 in every message, Final only on the last one (when `final`).
 */
export function splitIntoMessages(header: SyncHdr, commands: CommandDraft[], final: boolean, opts: PackOptions): SyncMLMessage[] {
  const messages: SyncMLMessage[] = [];
  let rest = commands;
  let msgID = header.msgID;
  do {
    const packed = packMessage({ ...header, msgID }, rest, final, opts);
    messages.push(packed.message);
    rest = packed.rest;
    msgID++;
  } while (rest.length > 0);
  return messages;
}
