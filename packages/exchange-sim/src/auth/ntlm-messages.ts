import { randomBytes } from 'node:crypto';

/* [MS-NLMP] 2.2.1: NEGOTIATE (type 1), CHALLENGE (type 2) and AUTHENTICATE (type 3) messages. */
const SIGNATURE = Buffer.from('NTLMSSP\0', 'latin1');

export const FLAGS = {
  UNICODE: 0x00000001,
  OEM: 0x00000002,
  REQUEST_TARGET: 0x00000004,
  NTLM: 0x00000200,
  ALWAYS_SIGN: 0x00008000,
  TARGET_TYPE_DOMAIN: 0x00010000,
  EXTENDED_SESSIONSECURITY: 0x00080000,
  TARGET_INFO: 0x00800000,
  VERSION: 0x02000000,
  N128: 0x20000000,
  KEY_EXCH: 0x40000000,
  N56: 0x80000000,
} as const;

export function messageType(buf: Buffer): number | undefined {
  if (buf.length < 12 || !buf.subarray(0, 8).equals(SIGNATURE)) return undefined;
  return buf.readUInt32LE(8);
}

export function negotiateFlags(type1: Buffer): number {
  return type1.length >= 16 ? type1.readUInt32LE(12) : FLAGS.UNICODE;
}

function avPair(id: number, value: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16LE(id, 0);
  head.writeUInt16LE(value.length, 2);
  return Buffer.concat([head, value]);
}

function fileTimeNow(): Buffer {
  const buf = Buffer.alloc(8);
  buf.writeBigUInt64LE((BigInt(Date.now()) + 11_644_473_600_000n) * 10_000n);
  return buf;
}

export interface Challenge {
  message: Buffer;
  serverChallenge: Buffer;
}

/** A CHALLENGE message answering the client's flags, with target info as Windows servers send it. */
export function buildChallenge(clientFlags: number, domain: string, host: string): Challenge {
  const unicode = (clientFlags & FLAGS.UNICODE) !== 0;
  const enc = (s: string) => Buffer.from(s, unicode ? 'utf16le' : 'latin1');
  const u16 = (s: string) => Buffer.from(s, 'utf16le');
  let flags = FLAGS.REQUEST_TARGET | FLAGS.NTLM | FLAGS.ALWAYS_SIGN | FLAGS.TARGET_TYPE_DOMAIN | FLAGS.TARGET_INFO | FLAGS.VERSION;
  flags |= unicode ? FLAGS.UNICODE : FLAGS.OEM;
  flags |= clientFlags & (FLAGS.EXTENDED_SESSIONSECURITY | FLAGS.N128 | FLAGS.N56 | FLAGS.KEY_EXCH);
  const targetName = enc(domain.toUpperCase());
  const targetInfo = Buffer.concat([
    avPair(2, u16(domain.toUpperCase())),
    avPair(1, u16(host.toUpperCase())),
    avPair(4, u16(`${domain.toLowerCase()}.local`)),
    avPair(3, u16(`${host.toLowerCase()}.${domain.toLowerCase()}.local`)),
    avPair(7, fileTimeNow()),
    avPair(0, Buffer.alloc(0)),
  ]);
  const serverChallenge = randomBytes(8);
  const header = Buffer.alloc(56);
  SIGNATURE.copy(header, 0);
  header.writeUInt32LE(2, 8);
  header.writeUInt16LE(targetName.length, 12);
  header.writeUInt16LE(targetName.length, 14);
  header.writeUInt32LE(56, 16);
  header.writeUInt32LE(flags >>> 0, 20);
  serverChallenge.copy(header, 24);
  header.writeUInt16LE(targetInfo.length, 40);
  header.writeUInt16LE(targetInfo.length, 42);
  header.writeUInt32LE(56 + targetName.length, 44);
  Buffer.from([10, 0, 0x63, 0x45, 0, 0, 0, 15]).copy(header, 48); // Windows 10.0 build 17763, NTLM revision 15
  return { message: Buffer.concat([header, targetName, targetInfo]), serverChallenge };
}

export interface Authenticate {
  ntResponse: Buffer;
  domain: string;
  user: string;
  workstation: string;
}

function field(buf: Buffer, offset: number): Buffer {
  const length = buf.readUInt16LE(offset);
  const start = buf.readUInt32LE(offset + 4);
  if (start + length > buf.length) throw new Error('NTLM field out of range');
  return buf.subarray(start, start + length);
}

export function parseAuthenticate(buf: Buffer): Authenticate {
  if (messageType(buf) !== 3 || buf.length < 64) throw new Error('not an NTLM AUTHENTICATE message');
  const flags = buf.readUInt32LE(60);
  const text = (b: Buffer) => b.toString((flags & FLAGS.UNICODE) !== 0 ? 'utf16le' : 'latin1');
  return {
    ntResponse: field(buf, 20),
    domain: text(field(buf, 28)),
    user: text(field(buf, 36)),
    workstation: text(field(buf, 44)),
  };
}
