/**
 * Canonical forms of field values, so that two values that mean the same compare equal: an item
 * merely opened, a body re-saved with CRLF, or a date re-serialised with another offset is no
 * change. Canonical values are plain JSON (strings, numbers, booleans, null, arrays, objects).
 */
export type Canonical = string | number | boolean | null | Canonical[] | { [key: string]: Canonical };

/** Absent, null and blank text all mean "no value". */
export function text(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** Bodies: line endings unified, trailing spaces per line and surrounding blank lines dropped. */
export function body(value: string | null | undefined): string | null {
  if (value === undefined || value === null) return null;
  const unified = value.replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '');
  return text(unified);
}

/** An instant as UTC milliseconds in ISO form: "+01:00" and "Z" for the same moment are equal. */
export function instant(value: string | null | undefined): string | null {
  if (value === undefined || value === null || value === '') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? value : new Date(ms).toISOString();
}

export function instantMs(value: string | null | undefined): number | undefined {
  if (value === undefined || value === null) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

export function address(value: string | null | undefined): string | null {
  const t = text(value);
  return t === null ? null : t.toLowerCase();
}

/** A set of strings: order and duplicates do not matter. */
export function stringSet(values: readonly string[] | undefined, canon: (v: string) => string | null = text): string[] {
  const out = new Set<string>();
  for (const v of values ?? []) {
    const c = canon(v);
    if (c !== null) out.add(c);
  }
  return [...out].sort();
}

/** A list compared as a set of canonical entries, ordered by their serialised form. */
export function canonicalSet(values: readonly Canonical[]): Canonical[] {
  const byKey = new Map<string, Canonical>();
  for (const v of values) byKey.set(stableStringify(v), v);
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

/** Object without the keys whose value is null, so "absent" and "null" compare equal. */
export function compact(record: Record<string, Canonical>): { [key: string]: Canonical } {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== null));
}

/** JSON with sorted keys: the identity of a canonical value. */
export function stableStringify(value: Canonical): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${stableStringify(value[k] as Canonical)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function sameCanonical(a: Canonical, b: Canonical): boolean {
  return stableStringify(a) === stableStringify(b);
}
