/*
 * SPNEGO ([RFC 4178]) as far as NTLM needs it: clients that answer "WWW-Authenticate: Negotiate"
 * wrap their NTLMSSP messages in a NegTokenInit / NegTokenResp; IIS answers in kind.
 */
const NTLMSSP = Buffer.from('NTLMSSP\0', 'latin1');
const NTLM_MECH_OID = Buffer.from('2b06010401823702020a', 'hex'); // 1.3.6.1.4.1.311.2.2.10

function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  if (n < 0x100) return Buffer.from([0x81, n]);
  return Buffer.from([0x82, n >> 8, n & 0xff]);
}

function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), derLength(content.length), content]);
}

/** The NTLMSSP message inside a SPNEGO token (its mechToken/responseToken OCTET STRING). */
export function unwrapSpnego(token: Buffer): Buffer | undefined {
  const at = token.indexOf(NTLMSSP);
  if (at < 2) return undefined;
  let length: number | undefined;
  if (token[at - 2] === 0x04) length = token[at - 1];
  else if (token[at - 3] === 0x04 && token[at - 2] === 0x81) length = token[at - 1];
  else if (token[at - 4] === 0x04 && token[at - 3] === 0x82) length = token.readUInt16BE(at - 2);
  return length === undefined || at + length > token.length ? undefined : token.subarray(at, at + length);
}

export function isSpnego(token: Buffer): boolean {
  return token[0] === 0x60 || token[0] === 0xa1;
}

/** NegTokenResp: accept-incomplete with the NTLM challenge, or accept-completed. */
export function negTokenResp(state: 'incomplete' | 'completed', ntlm?: Buffer): Buffer {
  const parts = [tlv(0xa0, tlv(0x0a, Buffer.from([state === 'completed' ? 0 : 1])))];
  if (ntlm) parts.push(tlv(0xa1, tlv(0x06, NTLM_MECH_OID)), tlv(0xa2, tlv(0x04, ntlm)));
  return tlv(0xa1, tlv(0x30, Buffer.concat(parts)));
}
