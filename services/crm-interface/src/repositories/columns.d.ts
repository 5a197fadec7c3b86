/**
 * How a record field is stored: its column, whether it is jsonb; or, for a column that holds part of a
 * composite field (an organizer's address), how to compute it (such columns are read back by `hydrate`).
 */
export type Column<F> = {
    field: keyof F & string;
    column: string;
    json?: boolean;
} | {
    column: string;
    value: (fields: F) => unknown;
};
export declare function toDb<F>(column: Column<F>, fields: F): unknown;
export declare function fromRow<F>(columns: readonly Column<F>[], row: Record<string, unknown>): F;
/** Key-order-independent JSON, so "nothing changed" is detected whatever order a patch was built in. */
export declare function stableJson(value: unknown): string;
/** Datetimes compare by instant, not by spelling (`+01:00` vs `Z`). */
export declare function normaliseDateTimes<T>(value: T, keys: readonly string[]): T;
/** Scalar fields plus id, version and update time of a row of a tracked table. */
export declare function recordBase<F>(columns: readonly Column<F>[], row: Record<string, unknown>): F & {
    id: string;
    version: string;
    updatedAt: string;
};
export declare function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]>;
