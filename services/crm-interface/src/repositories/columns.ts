/**
 * How a record field is stored: its column, whether it is jsonb; or, for a column that holds part of a
 * composite field (an organizer's address), how to compute it (such columns are read back by `hydrate`).
 */
export type Column<F> =
  | { field: keyof F & string; column: string; json?: boolean }
  | { column: string; value: (fields: F) => unknown };

export function toDb<F>(column: Column<F>, fields: F): unknown {
  const value = 'value' in column ? column.value(fields) : fields[column.field];
  if (value === undefined) return null;
  return 'json' in column && column.json ? JSON.stringify(value) : value;
}

function fromDbValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(fromDbValue);
  return value;
}

export function fromRow<F>(columns: readonly Column<F>[], row: Record<string, unknown>): F {
  const record: Record<string, unknown> = {};
  for (const column of columns) if ('field' in column) record[column.field] = fromDbValue(row[column.column]);
  return record as F;
}

/** Key-order-independent JSON, so "nothing changed" is detected whatever order a patch was built in. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Datetimes compare by instant, not by spelling (`+01:00` vs `Z`). */
export function normaliseDateTimes<T>(value: T, keys: readonly string[]): T {
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const key of keys) {
    const v = copy[key];
    if (typeof v === 'string') copy[key] = new Date(v).toISOString();
  }
  return copy as T;
}

/** Scalar fields plus id, version and update time of a row of a tracked table. */
export function recordBase<F>(columns: readonly Column<F>[], row: Record<string, unknown>): F & { id: string; version: string; updatedAt: string } {
  return {
    ...fromRow(columns, row),
    id: row.id as string,
    version: String(row.change_seq),
    updatedAt: (row.updated_at as Date).toISOString(),
  };
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
