import { insertRows } from '../db/database.js';
import { hashPassword, md5Credential, verifyMd5Digest, verifyPasswordHash } from './credentials.js';
import { CRM_ERROR_CODES, CrmError } from './crm.error.js';
function toUser(row) {
    return {
        id: row.id,
        version: String(row.change_seq),
        updatedAt: row.updated_at.toISOString(),
        login: row.login,
        displayName: row.display_name,
        email: row.email,
        salesGroup: row.sales_group,
        syncEnabled: row.sync_enabled,
        hasPassword: row.password_hash !== null,
        md5AuthEnabled: row.password_md5 !== null,
    };
}
const toActor = (row) => ({ userId: row.id, login: row.login, salesGroup: row.sales_group });
/** CRM users (reps): who may act, their sales group, and the credentials of standard SyncML clients. */
export class UserRepository {
    db;
    constructor(db) {
        this.db = db;
    }
    /** Creates or updates by login (case-insensitive); a user given without password keeps the stored one. */
    async upsertMany(inputs) {
        const byLogin = new Map(inputs.map((input) => [input.login.toLowerCase(), input]));
        const rows = [...byLogin.values()].map((u) => [
            u.login,
            u.displayName,
            u.email ?? null,
            u.salesGroup ?? null,
            u.syncEnabled ?? true,
            u.password ? hashPassword(u.password) : null,
            u.password && u.allowMd5Auth ? md5Credential(u.login, u.password) : null,
        ]);
        if (rows.length === 0)
            return [];
        const written = await this.db.transaction((tx) => insertRows(tx, 'crm.app_user', ['login', 'display_name', 'email', 'sales_group', 'sync_enabled', 'password_hash', 'password_md5'], rows, `ON CONFLICT ((lower(login))) DO UPDATE SET login = EXCLUDED.login, display_name = EXCLUDED.display_name,
           email = EXCLUDED.email, sales_group = EXCLUDED.sales_group, sync_enabled = EXCLUDED.sync_enabled,
           password_hash = COALESCE(EXCLUDED.password_hash, crm.app_user.password_hash),
           password_md5 = CASE WHEN EXCLUDED.password_hash IS NULL THEN crm.app_user.password_md5 ELSE EXCLUDED.password_md5 END
         RETURNING *`));
        return written.map(toUser);
    }
    async list(filter = {}) {
        const { rows } = await this.db.query(`SELECT * FROM crm.app_user
        WHERE ($1::text IS NULL OR sales_group = $1) AND ($2::boolean IS NULL OR sync_enabled = $2) AND ($3::text IS NULL OR lower(login) = lower($3))
        ORDER BY lower(login)`, [filter.salesGroup ?? null, filter.syncEnabled ?? null, filter.login ?? null]);
        return rows.map(toUser);
    }
    async row(login) {
        const { rows } = await this.db.query('SELECT * FROM crm.app_user WHERE lower(login) = lower($1)', [login]);
        return rows[0] ?? null;
    }
    async byLogin(login) {
        const row = await this.row(login);
        return row ? toUser(row) : null;
    }
    /** The actor for a verified token's user name; unknown users are refused (the SyncML layer answers 401). */
    async actorFor(login) {
        const row = await this.row(login);
        if (!row)
            throw new CrmError(CRM_ERROR_CODES.UNKNOWN_USER, `unknown CRM user ${login}`);
        return { ...toActor(row), syncEnabled: row.sync_enabled };
    }
    /** syncml:auth-basic */
    async verifyBasic(login, password) {
        const row = await this.row(login);
        return row?.password_hash && verifyPasswordHash(password, row.password_hash) ? toActor(row) : null;
    }
    /** syncml:auth-md5; `nonce` is the raw nonce this server sent in its last challenge. */
    async verifyMd5(login, nonce, digest) {
        const row = await this.row(login);
        return row?.password_md5 && verifyMd5Digest(row.password_md5, nonce, digest) ? toActor(row) : null;
    }
}
//# sourceMappingURL=user.repository.js.map