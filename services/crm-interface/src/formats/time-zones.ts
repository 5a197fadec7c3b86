/** IANA time zone arithmetic with Intl only (no tz database dependency). */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

export function isKnownZone(zone: string | null | undefined): zone is string {
  if (!zone) return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

export function toLocal(instant: Date, zone: string): LocalTime {
  const parts = Object.fromEntries(formatter(zone).formatToParts(instant).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

const asUtc = (t: LocalTime) => Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second);

/** The instant a wall-clock time in `zone` denotes (the earlier one in a DST overlap). */
export function fromLocal(local: LocalTime, zone: string): Date {
  const wall = asUtc(local);
  let guess = wall;
  for (let i = 0; i < 3; i++) {
    const offset = asUtc(toLocal(new Date(guess), zone)) - guess;
    const next = wall - offset;
    if (next === guess) break;
    guess = next;
  }
  return new Date(guess);
}

export function utcParts(instant: Date): LocalTime {
  return {
    year: instant.getUTCFullYear(),
    month: instant.getUTCMonth() + 1,
    day: instant.getUTCDate(),
    hour: instant.getUTCHours(),
    minute: instant.getUTCMinutes(),
    second: instant.getUTCSeconds(),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `YYYYMMDDTHHMMSS` (+`Z` when `utc`), the basic format vCalendar and iCalendar use. */
export function basicDateTime(t: LocalTime, utc: boolean): string {
  return `${pad(t.year, 4)}${pad(t.month)}${pad(t.day)}T${pad(t.hour)}${pad(t.minute)}${pad(t.second)}${utc ? 'Z' : ''}`;
}

export function basicDate(t: LocalTime): string {
  return `${pad(t.year, 4)}${pad(t.month)}${pad(t.day)}`;
}

/** Parses `YYYYMMDD[THHMMSS[Z]]` (and the extended `YYYY-MM-DD…` form). */
export function parseBasic(value: string): { local: LocalTime; utc: boolean; dateOnly: boolean } | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2}):?(\d{2})?(Z)?)?$/.exec(value.trim());
  if (!m) return null;
  const local = { year: +m[1]!, month: +m[2]!, day: +m[3]!, hour: +(m[4] ?? 0), minute: +(m[5] ?? 0), second: +(m[6] ?? 0) };
  return { local, utc: m[7] === 'Z', dateOnly: m[4] === undefined };
}
