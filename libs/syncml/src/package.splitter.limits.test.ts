import { afterAll, describe, expect, it } from 'vitest';
import { commandSize, decodeMessage, encodeMessage, packMessage, splitIntoMessages, type Command, type CommandDraft, type Delete, type Sync } from './index.js';
import { SyncmlWireRecorder } from './syncml.test-support.js';

const header = { sessionID: 's1', msgID: 5, target: { locURI: 'https://crm.example/syncml' }, source: { locURI: 'connector' }, meta: { maxMsgSize: 4096 } };
const wire = new SyncmlWireRecorder();
afterAll(() => wire.assertAllValid());

function allCmdIds(body: Command[]): number[] {
  return body.flatMap((c) => (c.kind === 'Sync' ? [c.cmdID, ...c.commands.map((x) => x.cmdID)] : [c.cmdID]));
}

describe('packMessage', () => {
  const statuses: CommandDraft[] = Array.from({ length: 40 }, (_, i) => ({ kind: 'Status', msgRef: 1, cmdRef: i + 1, cmd: 'Add', sourceRef: [`luid-${i}`], data: 201 }));
  const deletes: Delete = { kind: 'Delete', cmdID: 0, items: Array.from({ length: 200 }, (_, i) => ({ target: { locURI: `guid-${i}` } })) };
  const sync: CommandDraft = { kind: 'Sync', target: { locURI: 'contacts' }, source: { locURI: './contacts' }, numberOfChanges: 200, commands: [deletes] };

  it('fills a message, keeps the rest, assigns unique ascending CmdIDs and omits Final until the end', () => {
    const first = packMessage(header, [...statuses, sync], true, { maxMsgSize: 4096 });
    const xml = encodeMessage(first.message);
    wire.record(xml, 'first');
    expect(Buffer.byteLength(xml)).toBe(first.size);
    expect(first.size).toBeLessThanOrEqual(4096);
    expect(first.message.final).toBe(false);
    expect(first.rest.length).toBeGreaterThan(0);
    const ids = allCmdIds(first.message.body);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe(1);
  });

  it('splits one Delete with many items across messages at item boundaries', () => {
    const messages = splitIntoMessages(header, [...statuses, sync], true, { maxMsgSize: 4096 });
    const targets: string[] = [];
    for (const [i, m] of messages.entries()) {
      const xml = encodeMessage(m);
      wire.record(xml, `delete split ${i}`);
      expect(Buffer.byteLength(xml)).toBeLessThanOrEqual(4096);
      expect(m.header.msgID).toBe(5 + i);
      for (const c of decodeMessage(xml).body) {
        if (c.kind === 'Sync') {
          expect(c.target?.locURI).toBe('contacts');
          for (const d of c.commands) targets.push(...d.items.map((it) => it.target?.locURI ?? ''));
        }
      }
    }
    expect(targets).toEqual(Array.from({ length: 200 }, (_, i) => `guid-${i}`));
    expect(messages.filter((m) => m.final)).toHaveLength(1);
    expect(messages.at(-1)?.final).toBe(true);
  });

  it('does not set Final when the package continues (final = false)', () => {
    const messages = splitIntoMessages(header, statuses, false, { maxMsgSize: 4096 });
    expect(messages.every((m) => !m.final)).toBe(true);
  });

  it('emits an empty Sync (no changes) as is', () => {
    const empty: Sync = { kind: 'Sync', cmdID: 0, target: { locURI: 'calendar' }, source: { locURI: './calendar' }, commands: [] };
    const { message } = packMessage(header, [empty], true, { maxMsgSize: 4096 });
    wire.record(encodeMessage(message), 'empty sync');
    expect(message.body).toEqual([{ ...empty, cmdID: 1 }]);
  });

  it('fails clearly when nothing fits or an item exceeds MaxObjSize', () => {
    expect(() => packMessage(header, statuses, true, { maxMsgSize: 300 })).toThrowError(expect.objectContaining({ code: 'SYNCML_DOES_NOT_FIT' }));
    const big: CommandDraft = { kind: 'Add', items: [{ source: { locURI: 'x' }, data: 'y'.repeat(10_000) }] };
    expect(() => packMessage(header, [big], true, { maxMsgSize: 4096, maxObjSize: 5_000 })).toThrowError(expect.objectContaining({ code: 'SYNCML_OBJECT_TOO_LARGE' }));
    expect(() => packMessage(header, [big], true, { maxMsgSize: 4096, largeObjects: false })).toThrowError(expect.objectContaining({ code: 'SYNCML_DOES_NOT_FIT' }));
  });

  it('moves a command that fits an empty message to the next one instead of chunking it', () => {
    const medium = (id: string): CommandDraft => ({ kind: 'Replace', items: [{ target: { locURI: id }, data: 'z'.repeat(2500) }] });
    const messages = splitIntoMessages(header, [medium('a'), medium('b')], true, { maxMsgSize: 4096 });
    expect(messages).toHaveLength(2);
    for (const m of messages) {
      wire.record(encodeMessage(m), 'no chunking');
      const item = (m.body[0] as { items: { moreData?: boolean }[] }).items[0];
      expect(item?.moreData).toBeUndefined();
    }
  });

  it('chunks a large item inside a Sync and continues it first in the next message', () => {
    const data = 'Ω'.repeat(9000);
    const sync: CommandDraft = {
      kind: 'Sync',
      target: { locURI: 'mails' },
      commands: [{ kind: 'Add', items: [{ source: { locURI: 'small' }, data: 'x' }] }, { kind: 'Add', meta: { type: 'message/rfc822' }, items: [{ source: { locURI: 'big' }, data }] }],
    };
    const messages = splitIntoMessages(header, [sync], true, { maxMsgSize: 4096, encode: { cdata: true } });
    let joined = '';
    for (const [i, m] of messages.entries()) {
      const xml = encodeMessage(m, { cdata: true });
      wire.record(xml, `sync chunk ${i}`);
      expect(Buffer.byteLength(xml)).toBeLessThanOrEqual(4096);
      const s = decodeMessage(xml).body[0] as Sync;
      const last = s.commands.at(-1)?.items.at(-1);
      if (last?.source?.locURI === 'big') joined += String(last.data);
      if (i === 0) expect(last?.meta?.size).toBe(Buffer.byteLength(data));
      expect(last?.moreData).toBe(i < messages.length - 1 ? true : undefined);
    }
    expect(joined).toBe(data);
  });
});

describe('commandSize', () => {
  it('is an upper bound within a few bytes of the real encoding', () => {
    const draft: CommandDraft = { kind: 'Sync', target: { locURI: 'c' }, commands: [{ kind: 'Add', items: [{ source: { locURI: 'L' }, data: 'a&b' }] }] };
    const { message } = packMessage(header, [draft], true, { maxMsgSize: 4096 });
    const real = Buffer.byteLength(encodeMessage({ ...message, body: message.body }).split('<SyncBody>')[1]!.split('<Final/>')[0]!);
    expect(commandSize(draft)).toBeGreaterThanOrEqual(real);
    expect(commandSize(draft) - real).toBeLessThanOrEqual(8);
  });
});

describe('base64 large objects', () => {
  it('cut b64 data on 4-character boundaries', () => {
    const data = Buffer.alloc(20_000, 7).toString('base64');
    const messages = splitIntoMessages(header, [{ kind: 'Add', items: [{ source: { locURI: 'att' }, meta: { format: 'b64', type: 'application/pdf' }, data }] }], true, { maxMsgSize: 4096 });
    expect(messages.length).toBeGreaterThan(5);
    let joined = '';
    for (const m of messages) {
      const chunk = String((m.body[0] as { items: { data?: unknown }[] }).items[0]?.data);
      if (m !== messages.at(-1)) expect(chunk.length % 4).toBe(0);
      expect(Buffer.from(chunk, 'base64').toString('base64')).toBe(chunk);
      joined += chunk;
      wire.record(encodeMessage(m), 'b64 chunk');
    }
    expect(joined).toBe(data);
  });
});
