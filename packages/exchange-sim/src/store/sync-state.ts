import { createHmac } from 'node:crypto';
import { ewsError } from '../soap/ews-error.js';

// A checksum, not a secret: it makes a damaged or foreign state detectable, across restarts.
const KEY = 'exchange-sim-sync-state';

/** Opaque sync state: which folder (or mailbox hierarchy) and the sequence the client has seen. */
export function encodeSyncState(scope: string, seq: number): string {
  const payload = Buffer.from(JSON.stringify({ v: 1, s: scope, q: seq }));
  const mac = createHmac('sha256', KEY).update(payload).digest().subarray(0, 12);
  return Buffer.concat([Buffer.from([0x53, 0x53]), mac, payload]).toString('base64');
}

export function decodeSyncState(state: string, scope: string, currentSeq: number): number {
  const buf = Buffer.from(state.trim(), 'base64');
  const invalid = () => ewsError('ErrorInvalidSyncStateData');
  if (buf.length < 16 || buf[0] !== 0x53 || buf[1] !== 0x53) throw invalid();
  const payload = buf.subarray(14);
  const mac = createHmac('sha256', KEY).update(payload).digest().subarray(0, 12);
  if (!mac.equals(buf.subarray(2, 14))) throw invalid();
  let parsed: { v?: number; s?: string; q?: number };
  try {
    parsed = JSON.parse(payload.toString('utf8')) as typeof parsed;
  } catch {
    throw invalid();
  }
  if (parsed.v !== 1 || parsed.s !== scope || typeof parsed.q !== 'number' || parsed.q > currentSeq) throw invalid();
  return parsed.q;
}
