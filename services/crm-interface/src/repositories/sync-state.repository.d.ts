import type { Db } from '../db/database.js';
import type { DatastoreName } from './datastores.js';
/** Identifies one client database: a user's device (the SyncML source URI) and one datastore. */
export interface SyncTarget {
    userId: string;
    deviceId: string;
    datastore: DatastoreName;
}
export interface SyncAnchor {
    /** The client's Next anchor of the last successful session; compared with its Last anchor next time. */
    clientAnchor: string | null;
    /** The anchor the server sent as its own Next. */
    serverAnchor: string | null;
    /** Change sequence watermark the device is in sync with. */
    serverSeq: string;
    updatedAt: string;
}
/** Per-device sync state: anchors and the client LUID ↔ CRM record map. */
export declare class SyncStateRepository {
    private readonly db;
    constructor(db: Db);
    getAnchor(target: SyncTarget): Promise<SyncAnchor | null>;
    setAnchor(target: SyncTarget, anchor: {
        clientAnchor: string | null;
        serverAnchor: string | null;
        serverSeq: string;
    }): Promise<void>;
    /** Forgets anchor and map of one device datastore (a device starting over). */
    reset(target: SyncTarget): Promise<void>;
    /** Forgets only the LUID map (refresh from server); the anchor is written when the session ends. */
    resetMap(target: SyncTarget): Promise<void>;
    private key;
    /** Maps a client LUID to a record; a LUID or a record mapped before is re-pointed (one pair per side). */
    mapLuid(target: SyncTarget, luid: string, recordId: string): Promise<void>;
    /** `mapLuid` for many pairs in one transaction; within the batch the last pair for a LUID or record wins. */
    mapLuids(target: SyncTarget, pairs: readonly {
        luid: string;
        recordId: string;
    }[]): Promise<void>;
    findByLuids(target: SyncTarget, luids: readonly string[]): Promise<Map<string, string>>;
    findLuids(target: SyncTarget, recordIds: readonly string[]): Promise<Map<string, string>>;
    listMappings(target: SyncTarget): Promise<{
        luid: string;
        recordId: string;
    }[]>;
    unmapLuid(target: SyncTarget, luid: string): Promise<void>;
    findByLuid(target: SyncTarget, luid: string): Promise<string | null>;
    findLuid(target: SyncTarget, recordId: string): Promise<string | null>;
    unmapRecord(target: SyncTarget, recordId: string): Promise<void>;
}
