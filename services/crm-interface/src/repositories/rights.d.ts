import type { Tx } from '../db/database.js';
/** The CRM user a request acts for; everything the repositories return or change is seen through it. */
export interface Actor {
    userId: string;
    login: string;
    salesGroup: string | null;
}
export interface RightsShape {
    /** The table has a `private` column: private rows are for their responsible user only. */
    private: boolean;
    /** Users listed as participants may read (not write) the record. */
    participants: boolean;
}
/** Collects positional parameters while SQL text is assembled. */
export declare class Params {
    readonly values: unknown[];
    add(value: unknown): string;
}
/**
 * The rights model as one SQL predicate over alias `a` (see the README):
 * own rows; unassigned rows; rows marked shared whose responsible user is in the actor's sales group;
 * for reading also rows where the actor is a participant. Private rows: their responsible user only.
 */
export declare function rightsSql(shape: RightsShape, alias: string, params: Params, actor: Actor, mode: 'read' | 'write'): string;
/** A record may be given to oneself, left unassigned, or given to a member of one's own sales group. */
export declare function assertAssignable(tx: Tx, actor: Actor, responsibleUserId: string | null): Promise<void>;
