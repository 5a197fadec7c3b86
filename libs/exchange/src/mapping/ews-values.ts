import { type IOutParam, BodyType, DateTime, DateTimeKind, MessageBody, Sensitivity as EwsSensitivity, Importance } from 'ews-javascript-api';
import type { EmailAddress as DomainAddress, Sensitivity } from '@connector/core';

/**
 * An instant (ISO with offset) as the library's DateTime. Kind must be Unspecified: with Utc the
 * library's time-zone "scoping" throws a kind mismatch, and a DateTime built from calendar fields
 * would be read in the process's local zone. Built from epoch milliseconds, the instant is written
 * unchanged whatever the process zone and the item's StartTimeZone (checked in the contract suite).
 */
export function toEwsDateTime(iso: string): DateTime {
  return new DateTime(Date.parse(iso), DateTimeKind.Unspecified);
}

/** A calendar date (YYYY-MM-DD) as a DateTime at UTC midnight; the library writes it as xs:date. */
export function dateToEws(date: string): DateTime {
  return new DateTime(Date.parse(`${date}T00:00:00Z`), DateTimeKind.Utc);
}

export function epochOf(value: DateTime | null | undefined): number | undefined {
  if (!value) return undefined;
  const ms = value.TotalMilliSeconds;
  return Number.isFinite(ms) ? ms : undefined;
}

/** The library's DateTime → YYYY-MM-DD as the server wrote it (no zone shift). */
export function ewsToDate(value: DateTime): string {
  return value.MomentDate.utc().format('YYYY-MM-DD');
}

/** Formats an instant with the UTC offset it has in `zone`: 2026-03-29T09:00:00+02:00 (Z for UTC). */
export function formatInZone(epochMs: number, zone: string): string {
  const parts = zonedParts(epochMs, zone);
  const local = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  const offsetMin = Math.round((local - Math.floor(epochMs / 1000) * 1000) / 60_000);
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const base = `${pad(parts.year, 4)}-${pad(parts.month)}-${pad(parts.day)}T${pad(parts.hour)}:${pad(parts.minute)}:${pad(parts.second)}`;
  if (offsetMin === 0) return `${base}Z`;
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${base}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function zonedParts(epochMs: number, zone: string): ZonedParts {
  let fmt = formatters.get(zone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    });
    formatters.set(zone, fmt);
  }
  const out: Record<string, number> = {};
  for (const p of fmt.formatToParts(new Date(epochMs))) if (p.type !== 'literal') out[p.type] = Number(p.value);
  return { year: out.year!, month: out.month!, day: out.day!, hour: out.hour!, minute: out.minute!, second: out.second! };
}

/** The local calendar date of an instant in a zone. */
export function localDate(epochMs: number, zone: string): string {
  const p = zonedParts(epochMs, zone);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

export function textBody(text: string): MessageBody {
  return new MessageBody(BodyType.Text, text);
}

export function bodyText(body: MessageBody | null | undefined): string | undefined {
  const text = body?.Text;
  return text === undefined || text === null || text === '' ? undefined : text;
}

export function toAddress(mailbox: { Address?: string | null; Name?: string | null } | null | undefined): DomainAddress | undefined {
  if (!mailbox?.Address) return undefined;
  return mailbox.Name && mailbox.Name !== mailbox.Address ? { address: mailbox.Address, name: mailbox.Name } : { address: mailbox.Address };
}

const SENSITIVITY: Record<Sensitivity, EwsSensitivity> = {
  normal: EwsSensitivity.Normal,
  personal: EwsSensitivity.Personal,
  private: EwsSensitivity.Private,
  confidential: EwsSensitivity.Confidential,
};

export function sensitivityToEws(value: Sensitivity): EwsSensitivity {
  return SENSITIVITY[value];
}

export function sensitivityFromEws(value: EwsSensitivity | undefined): Sensitivity {
  const found = (Object.entries(SENSITIVITY) as [Sensitivity, EwsSensitivity][]).find(([, v]) => v === value);
  return found?.[0] ?? 'normal';
}

export function importanceFromEws(value: Importance | undefined): 'low' | 'normal' | 'high' {
  return value === Importance.Low ? 'low' : value === Importance.High ? 'high' : 'normal';
}

export function importanceToEws(value: 'low' | 'normal' | 'high'): Importance {
  return value === 'low' ? Importance.Low : value === 'high' ? Importance.High : Importance.Normal;
}

/** Reads a loaded property without the library's "not loaded" exception for absent ones. */
export function safe<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** The library's out-parameter lookups (TryGetValue) as a plain optional value. */
export function tryGet<V>(lookup: (out: IOutParam<V>) => boolean): V | undefined {
  const out = { outValue: null } as unknown as IOutParam<V>;
  try {
    return lookup(out) && out.outValue !== null && out.outValue !== undefined ? out.outValue : undefined;
  } catch {
    return undefined;
  }
}
