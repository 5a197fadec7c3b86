import type { Tx } from '../db/database.js';
import type { ActivityException, ActivityFields, DocumentRef, Participant } from '../records/activity.schema.js';
export declare function loadParticipants(tx: Tx, activityIds: string[]): Promise<Map<string, Participant[]>>;
export declare function replaceParticipants(tx: Tx, activityId: string, participants: readonly Participant[]): Promise<void>;
export declare function loadDocumentRefs(tx: Tx, activityIds: string[]): Promise<Map<string, DocumentRef[]>>;
export declare function loadExceptions(tx: Tx, masterIds: string[]): Promise<Map<string, ActivityException[]>>;
/** Exceptions are activity rows pointing at their master, matched by original start; missing fields inherit the master's. */
export declare function writeExceptions(tx: Tx, masterId: string, master: ActivityFields): Promise<void>;
