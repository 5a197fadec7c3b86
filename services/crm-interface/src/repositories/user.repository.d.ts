import type { Db } from '../db/database.js';
import type { User, UserInput } from '../records/user.schema.js';
import type { Actor } from './rights.js';
export interface UserFilter {
    salesGroup?: string;
    syncEnabled?: boolean;
    login?: string;
}
/** CRM users (reps): who may act, their sales group, and the credentials of standard SyncML clients. */
export declare class UserRepository {
    private readonly db;
    constructor(db: Db);
    /** Creates or updates by login (case-insensitive); a user given without password keeps the stored one. */
    upsertMany(inputs: readonly UserInput[]): Promise<User[]>;
    list(filter?: UserFilter): Promise<User[]>;
    private row;
    byLogin(login: string): Promise<User | null>;
    /** The actor for a verified token's user name; unknown users are refused (the SyncML layer answers 401). */
    actorFor(login: string): Promise<Actor & {
        syncEnabled: boolean;
    }>;
    /** syncml:auth-basic */
    verifyBasic(login: string, password: string): Promise<Actor | null>;
    /** syncml:auth-md5; `nonce` is the raw nonce this server sent in its last challenge. */
    verifyMd5(login: string, nonce: Buffer, digest: string): Promise<Actor | null>;
}
