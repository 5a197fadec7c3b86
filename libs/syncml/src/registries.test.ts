import { describe, expect, it } from 'vitest';
import {
  ALERT,
  alertName,
  CmdIdSequence,
  commandStatus,
  headerStatus,
  isServerAlertedSync,
  isSuccessStatus,
  isSyncTypeAlert,
  serverAlertedToSyncType,
  STATUS_CODE_TABLE,
  statusName,
  SYNCML_ERRORS,
  type Sync,
} from './index.js';

describe('status and alert registries', () => {
  it('names every status code of the Representation Protocol we rely on', () => {
    const expected = [
      101, 200, 201, 202, 203, 204, 205, 206, 207, 208, 209, 210, 211, 212, 213, 214, 215, 216, 217, 218, 300, 301, 302, 303, 304, 305, 400, 401, 402, 403,
      404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 419, 420, 421, 422, 423, 424, 425, 426, 427, 428, 429, 431, 500, 501, 502,
      503, 504, 505, 506, 507, 508, 509, 510, 511, 512, 513, 514, 516, 517,
    ];
    for (const code of expected) expect(STATUS_CODE_TABLE.has(code), String(code)).toBe(true);
    expect(statusName(424)).toBe('Size mismatch');
    expect(statusName(213)).toBe('Chunked item accepted and buffered');
    expect(statusName(999)).toBe('Unknown status 999');
    expect(isSuccessStatus(201)).toBe(true);
    expect(isSuccessStatus(418)).toBe(false);
  });

  it('knows the sync types and session alerts', () => {
    expect([ALERT.TWO_WAY, ALERT.SLOW_SYNC, ALERT.ONE_WAY_FROM_CLIENT, ALERT.REFRESH_FROM_CLIENT, ALERT.ONE_WAY_FROM_SERVER, ALERT.REFRESH_FROM_SERVER]).toEqual([200, 201, 202, 203, 204, 205]);
    expect([ALERT.NEXT_MESSAGE, ALERT.NO_END_OF_DATA, ALERT.SUSPEND, ALERT.RESUME]).toEqual([222, 223, 224, 225]);
    expect(alertName(201)).toBe('Slow sync');
    expect(isSyncTypeAlert(210) && !isSyncTypeAlert(222)).toBe(true);
    expect(isServerAlertedSync(206)).toBe(true);
    expect([206, 207, 208, 209, 210].map(serverAlertedToSyncType)).toEqual([200, 202, 203, 204, 205]);
  });

  it('has one status per error code', () => {
    for (const [code, info] of Object.entries(SYNCML_ERRORS)) expect(info.status, code).toBeGreaterThanOrEqual(200);
  });
});

describe('status builders and CmdID sequence', () => {
  it('answers a SyncHdr and a Sync with refs taken from them', () => {
    const hdr = { sessionID: '1', msgID: 3, target: { locURI: 'srv' }, source: { locURI: 'cli' } };
    expect(headerStatus(hdr, 212, 1)).toEqual({ kind: 'Status', cmdID: 1, msgRef: 3, cmdRef: 0, cmd: 'SyncHdr', targetRef: ['srv'], sourceRef: ['cli'], data: 212 });
    const sync: Sync = { kind: 'Sync', cmdID: 4, target: { locURI: 'contacts' }, source: { locURI: './contacts' }, commands: [] };
    expect(commandStatus(sync, 3, 200, 2)).toMatchObject({ cmdRef: 4, cmd: 'Sync', targetRef: ['contacts'], sourceRef: ['./contacts'] });
    const add = { kind: 'Add' as const, cmdID: 5, items: [{ source: { locURI: 'L1' }, data: 'x' }] };
    expect(commandStatus(add, 3, 201, 3)).toEqual({ kind: 'Status', cmdID: 3, msgRef: 3, cmdRef: 5, cmd: 'Add', sourceRef: ['L1'], data: 201 });
    expect(commandStatus({ kind: 'Unsupported', name: 'Atomic', cmdID: 7 }, 3, 406, 4)).toMatchObject({ cmd: 'Atomic', data: 406 });
  });

  it('counts CmdIDs from 1', () => {
    const ids = new CmdIdSequence();
    expect([ids.next(), ids.next(), ids.peek()]).toEqual([1, 2, 3]);
    ids.reset();
    expect(ids.next()).toBe(1);
  });
});
