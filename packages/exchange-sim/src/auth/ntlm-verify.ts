import { createHmac, timingSafeEqual } from 'node:crypto';
import md4 from 'js-md4';
import type { Authenticate } from './ntlm-messages.js';

/** NT hash = MD4(UTF-16LE(password)); Node 20's OpenSSL refuses MD4, hence js-md4. */
export function ntHash(password: string): Buffer {
  return Buffer.from(md4.arrayBuffer(Buffer.from(password, 'utf16le')));
}

/** NTOWFv2 = HMAC-MD5(NT hash, UTF-16LE(UPPER(user) + domain)) ([MS-NLMP] 3.3.2). */
export function ntowfv2(password: string, user: string, domain: string): Buffer {
  return createHmac('md5', ntHash(password)).update(Buffer.from(user.toUpperCase() + domain, 'utf16le')).digest();
}

/** Checks an NTLMv2 response: NTProofStr = HMAC-MD5(NTOWFv2, server challenge + blob). NTLMv1 is refused. */
export function verifyNtlmV2(auth: Authenticate, serverChallenge: Buffer, password: string): boolean {
  if (auth.ntResponse.length <= 24) return false;
  const proof = auth.ntResponse.subarray(0, 16);
  const blob = auth.ntResponse.subarray(16);
  const expected = createHmac('md5', ntowfv2(password, auth.user, auth.domain)).update(Buffer.concat([serverChallenge, blob])).digest();
  return timingSafeEqual(proof, expected);
}
