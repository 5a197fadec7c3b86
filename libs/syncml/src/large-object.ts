import type { Item } from './message.model.js';
import type { MetInf } from './metinf.model.js';
import type { EncodeOptions } from './message.encoder.js';
import { encodeItem } from './message.encoder.js';
import { SyncmlChunkError } from './syncml.error.js';
import { utf8Length } from './xml-writer.js';

// Remainders of a split item: their chunks carry no Meta Size (only the first chunk does).
const continuations = new WeakSet<Item>();

export function isContinuation(item: Item): boolean {
  return continuations.has(item);
}

function withoutSize(meta: MetInf | undefined): MetInf | undefined {
  if (!meta || meta.size === undefined) return meta;
  const { size: _size, ...rest } = meta;
  return Object.keys(rest).length > 0 ? rest : undefined;
}

function withMeta(item: Item, meta: MetInf | undefined): Item {
  const { meta: _old, ...rest } = item;
  return meta ? { ...rest, meta } : rest;
}

/**
 * Splits a text item so that its first chunk, encoded as `<Item>` with MoreData (and Meta Size
 * when it is the first chunk of the object), takes at most `budget` bytes. Returns undefined
 * when not even `minChunk` characters fit.
 */
export function chunkItem(item: Item, budget: number, minChunk: number, opts: EncodeOptions): { head: Item; tail: Item } | undefined {
  const data = item.data;
  if (typeof data !== 'string') return undefined;
  const first = !continuations.has(item);
  const base64 = item.meta?.format?.toLowerCase() === 'b64';
  const headMeta = first ? { ...item.meta, size: utf8Length(data) } : withoutSize(item.meta);
  const makeHead = (len: number): Item => ({ ...withMeta(item, headMeta), data: data.slice(0, len), moreData: true });
  const shell = utf8Length(encodeItem(makeHead(0), opts));
  // Every character costs at least one byte: start from the largest possible prefix and shrink
  // it in proportion to the overshoot (multi-byte text and escapes) until the chunk fits.
  let len = Math.min(data.length - 1, budget - shell);
  for (;;) {
    if (len < minChunk || len <= 0) return undefined;
    if (isHighSurrogate(data.charCodeAt(len - 1))) len--;
    // Base64 chunks end on a 4-character boundary so a receiver may decode each one alone.
    if (base64) len -= len % 4;
    if (len <= 0) return undefined;
    const size = utf8Length(encodeItem(makeHead(len), opts));
    if (size <= budget) break;
    len = Math.min(len - 1, Math.floor((len * (budget - shell)) / (size - shell)));
  }
  const { moreData: _more, ...base } = item;
  const tail: Item = { ...withMeta(base, withoutSize(item.meta)), data: data.slice(len) };
  if (item.moreData) tail.moreData = true;
  continuations.add(tail);
  return { head: makeHead(len), tail };
}

/**
 * Senders that put raw CR LF into Data (often inside CDATA) declare Size with the CRs, but an
 * XML parser must hand us LF only. Accept the object when the CRs account for the difference.
 */
function normalisedLineEnds(p: Pending): boolean {
  const lineFeeds = p.parts.reduce((n, part) => n + part.split('\n').length - 1, 0);
  return p.bytes + lineFeeds === p.declared && !p.parts.some((part) => part.includes('\r'));
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export type AssemblyResult =
  | { state: 'complete'; item: Item; interrupted?: string }
  | { state: 'chunk'; status: 213; interrupted?: string }
  | { state: 'error'; status: number; error: SyncmlChunkError; interrupted?: string };

interface Pending {
  key: string;
  first: Item;
  parts: string[];
  bytes: number;
  declared: number;
}

/** Key that ties the chunks of one object together: its Source (client side) or Target LocURI. */
export function largeObjectKey(item: Item): string {
  return item.source?.locURI ?? item.target?.locURI ?? '';
}

/**
 * Joins received chunks (MoreData) back into one item and checks the declared Size.
 * Answer a 'chunk' with status 213, an 'error' with its status (411, 416, 424), and when
 * `interrupted` is set, send Alert 223 (No end of data) for that object.
 */
export class LargeObjectAssembler {
  #pending: Pending | undefined;
  readonly #maxObjSize: number | undefined;

  constructor(options: { maxObjSize?: number } = {}) {
    this.#maxObjSize = options.maxObjSize;
  }

  /** Key of the object waiting for further chunks, if any. */
  get pending(): string | undefined {
    return this.#pending?.key;
  }

  abort(): void {
    this.#pending = undefined;
  }

  accept(item: Item, key: string = largeObjectKey(item)): AssemblyResult {
    let interrupted: string | undefined;
    if (this.#pending && this.#pending.key !== key) {
      interrupted = this.#pending.key;
      this.#pending = undefined;
    }
    const result = this.#pending ? this.#continue(this.#pending, item) : this.#start(item, key);
    return interrupted === undefined ? result : { ...result, interrupted };
  }

  #fail(code: 'SYNCML_SIZE_MISMATCH' | 'SYNCML_SIZE_REQUIRED' | 'SYNCML_OBJECT_TOO_LARGE', detail: string): AssemblyResult {
    this.#pending = undefined;
    const error = new SyncmlChunkError(code, detail);
    return { state: 'error', status: error.status, error };
  }

  #start(item: Item, key: string): AssemblyResult {
    const data = typeof item.data === 'string' ? item.data : undefined;
    const declared = item.meta?.size;
    if (!item.moreData) {
      if (declared !== undefined && data !== undefined && utf8Length(data) !== declared) {
        return this.#fail('SYNCML_SIZE_MISMATCH', `declared ${declared}, received ${utf8Length(data)} bytes`);
      }
      return { state: 'complete', item };
    }
    if (declared === undefined) return this.#fail('SYNCML_SIZE_REQUIRED', `object '${key}'`);
    if (this.#maxObjSize !== undefined && declared > this.#maxObjSize) {
      return this.#fail('SYNCML_OBJECT_TOO_LARGE', `declared ${declared} bytes, MaxObjSize ${this.#maxObjSize}`);
    }
    const pending: Pending = { key, first: item, parts: [], bytes: 0, declared };
    this.#pending = pending;
    return this.#continue(pending, item);
  }

  #continue(pending: Pending, item: Item): AssemblyResult {
    const data = typeof item.data === 'string' ? item.data : '';
    pending.parts.push(data);
    pending.bytes += utf8Length(data);
    if (pending.bytes > pending.declared) {
      return this.#fail('SYNCML_SIZE_MISMATCH', `more than the declared ${pending.declared} bytes received`);
    }
    if (item.moreData) return { state: 'chunk', status: 213 };
    this.#pending = undefined;
    if (pending.bytes !== pending.declared && !normalisedLineEnds(pending)) {
      return this.#fail('SYNCML_SIZE_MISMATCH', `declared ${pending.declared}, received ${pending.bytes} bytes`);
    }
    const { moreData: _more, ...first } = pending.first;
    return { state: 'complete', item: { ...first, data: pending.parts.join('') } };
  }
}
