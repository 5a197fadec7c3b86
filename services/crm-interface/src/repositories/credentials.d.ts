export declare function hashPassword(password: string): string;
export declare function verifyPasswordHash(password: string, stored: string): boolean;
/** The stored auth-md5 form: b64(md5("login:password")). */
export declare function md5Credential(login: string, password: string): string;
/** SyncML auth-md5 check: `digest` is the client's Cred data, `nonce` the raw nonce bytes we sent. */
export declare function verifyMd5Digest(credential: string, nonce: Buffer, digest: string): boolean;
