export function toDb(column, fields) {
    const value = 'value' in column ? column.value(fields) : fields[column.field];
    if (value === undefined)
        return null;
    return 'json' in column && column.json ? JSON.stringify(value) : value;
}
function fromDbValue(value) {
    if (value instanceof Date)
        return value.toISOString();
    if (Array.isArray(value))
        return value.map(fromDbValue);
    return value;
}
export function fromRow(columns, row) {
    const record = {};
    for (const column of columns)
        if ('field' in column)
            record[column.field] = fromDbValue(row[column.column]);
    return record;
}
/** Key-order-independent JSON, so "nothing changed" is detected whatever order a patch was built in. */
export function stableJson(value) {
    if (Array.isArray(value))
        return `[${value.map(stableJson).join(',')}]`;
    if (value && typeof value === 'object') {
        const entries = Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
    }
    return JSON.stringify(value ?? null);
}
/** Datetimes compare by instant, not by spelling (`+01:00` vs `Z`). */
export function normaliseDateTimes(value, keys) {
    const copy = { ...value };
    for (const key of keys) {
        const v = copy[key];
        if (typeof v === 'string')
            copy[key] = new Date(v).toISOString();
    }
    return copy;
}
/** Scalar fields plus id, version and update time of a row of a tracked table. */
export function recordBase(columns, row) {
    return {
        ...fromRow(columns, row),
        id: row.id,
        version: String(row.change_seq),
        updatedAt: row.updated_at.toISOString(),
    };
}
export function groupBy(items, key) {
    const groups = new Map();
    for (const item of items) {
        const k = key(item);
        const list = groups.get(k);
        if (list)
            list.push(item);
        else
            groups.set(k, [item]);
    }
    return groups;
}
//# sourceMappingURL=columns.js.map