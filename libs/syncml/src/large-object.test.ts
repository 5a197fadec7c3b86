import { describe, expect, it } from 'vitest';
import { LargeObjectAssembler, STATUS, type Item } from './index.js';

const chunk = (data: string, extra: Partial<Item> = {}): Item => ({ source: { locURI: 'L1' }, data, ...extra });

describe('LargeObjectAssembler', () => {
  it('joins chunks and answers 213 until the last one', () => {
    const asm = new LargeObjectAssembler();
    expect(asm.accept(chunk('abc', { meta: { size: 9, type: 'text/plain' }, moreData: true }))).toEqual({ state: 'chunk', status: STATUS.CHUNK_ACCEPTED });
    expect(asm.pending).toBe('L1');
    expect(asm.accept(chunk('def', { moreData: true })).state).toBe('chunk');
    expect(asm.accept(chunk('ghi'))).toEqual({ state: 'complete', item: { source: { locURI: 'L1' }, meta: { size: 9, type: 'text/plain' }, data: 'abcdefghi' } });
    expect(asm.pending).toBeUndefined();
  });

  it('reports 424 Size mismatch when fewer bytes arrive than declared', () => {
    const asm = new LargeObjectAssembler();
    asm.accept(chunk('abc', { meta: { size: 10 }, moreData: true }));
    const result = asm.accept(chunk('de'));
    expect(result.state).toBe('error');
    if (result.state !== 'error') return;
    expect(result.status).toBe(STATUS.SIZE_MISMATCH);
    expect(result.error.code).toBe('SYNCML_SIZE_MISMATCH');
    expect(asm.pending).toBeUndefined();
  });

  it('reports 424 as soon as more bytes arrive than declared', () => {
    const asm = new LargeObjectAssembler();
    asm.accept(chunk('abc', { meta: { size: 4 }, moreData: true }));
    expect(asm.accept(chunk('def', { moreData: true }))).toMatchObject({ state: 'error', status: 424 });
  });

  it('counts bytes, not characters', () => {
    const asm = new LargeObjectAssembler();
    asm.accept(chunk('€', { meta: { size: 4 }, moreData: true }));
    expect(asm.accept(chunk('x')).state).toBe('complete');
  });

  it('checks Size on an unchunked item too', () => {
    expect(new LargeObjectAssembler().accept(chunk('abc', { meta: { size: 5 } }))).toMatchObject({ state: 'error', status: 424 });
    expect(new LargeObjectAssembler().accept(chunk('abc')).state).toBe('complete');
  });

  it('requires Size on the first chunk (411) and honours MaxObjSize (416)', () => {
    expect(new LargeObjectAssembler().accept(chunk('abc', { moreData: true }))).toMatchObject({ state: 'error', status: STATUS.SIZE_REQUIRED });
    const limited = new LargeObjectAssembler({ maxObjSize: 100 });
    expect(limited.accept(chunk('abc', { meta: { size: 101 }, moreData: true }))).toMatchObject({ state: 'error', status: STATUS.REQUESTED_SIZE_TOO_BIG });
  });

  it('reports an interrupted object (Alert 223) and still handles the new item', () => {
    const asm = new LargeObjectAssembler();
    asm.accept(chunk('abc', { meta: { size: 10 }, moreData: true }));
    const result = asm.accept({ source: { locURI: 'L2' }, data: 'whole' });
    expect(result).toEqual({ state: 'complete', item: { source: { locURI: 'L2' }, data: 'whole' }, interrupted: 'L1' });
  });

  it('tolerates senders whose declared Size counts CR LF that the XML parser turned into LF', () => {
    const asm = new LargeObjectAssembler();
    asm.accept(chunk('a\nb\n', { meta: { size: 8 }, moreData: true }));
    expect(asm.accept(chunk('c\nd\n')).state).toBe('complete');
  });
});
