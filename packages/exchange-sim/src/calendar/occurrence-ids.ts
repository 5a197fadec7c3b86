const MARKER = 0x4f;

/** Occurrence ids carry the master's id and the InstanceIndex, opaque like Exchange's. */
export function occurrenceId(masterId: string, index: number): string {
  const tail = Buffer.alloc(5);
  tail.writeUInt8(MARKER, 0);
  tail.writeUInt32BE(index, 1);
  return Buffer.concat([Buffer.from(masterId, 'base64'), tail]).toString('base64');
}

export function parseOccurrenceId(id: string): { masterId: string; index: number } | undefined {
  const buf = Buffer.from(id, 'base64');
  if (buf.length !== 25 || buf[20] !== MARKER) return undefined;
  return { masterId: buf.subarray(0, 20).toString('base64'), index: buf.readUInt32BE(21) };
}
