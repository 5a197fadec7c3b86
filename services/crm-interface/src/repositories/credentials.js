import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
/**
 * Passwords exist only for standard SyncML clients; the connector authenticates with tokens.
 * - auth-basic sends the clear password: we keep a salted scrypt hash.
 * - auth-md5 (SyncML 1.1+) sends b64(md5(b64(md5("login:password")) + ":" + nonce)); checking it needs
 *   b64(md5("login:password")), which is a password equivalent for that scheme. It is stored only when an
 *   admin enables md5 for the user, never the clear password.
 */
const SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 32 };
export function hashPassword(password) {
    const salt = randomBytes(16);
    const hash = scryptSync(password, salt, SCRYPT.keyLength, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
    return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}
export function verifyPasswordHash(password, stored) {
    const [scheme, n, r, p, salt, hash] = stored.split('$');
    if (scheme !== 'scrypt' || !salt || !hash)
        return false;
    const expected = Buffer.from(hash, 'base64');
    const actual = scryptSync(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
    return timingSafeEqual(actual, expected);
}
const md5b64 = (value) => createHash('md5').update(value).digest('base64');
/** The stored auth-md5 form: b64(md5("login:password")). */
export function md5Credential(login, password) {
    return md5b64(`${login}:${password}`);
}
/** SyncML auth-md5 check: `digest` is the client's Cred data, `nonce` the raw nonce bytes we sent. */
export function verifyMd5Digest(credential, nonce, digest) {
    const expected = Buffer.from(md5b64(Buffer.concat([Buffer.from(`${credential}:`), nonce])));
    const actual = Buffer.from(digest);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
}
//# sourceMappingURL=credentials.js.map