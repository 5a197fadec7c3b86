import { unreadable } from './format.error.js';

/** RFC 5545 RRULE ⇄ vCalendar 1.0 recurrence grammar (D/W/MD/MP/YM), for what both can say. */
const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

function parts(rrule: string): Map<string, string> {
  return new Map(rrule.split(';').map((p) => p.split('=') as [string, string]));
}

/** The 1.0 rule, or null when the 2.0 rule has no 1.0 equivalent (the caller then keeps X-CRM-RRULE only). */
export function rruleToV1(rrule: string): string | null {
  const p = parts(rrule);
  const interval = p.get('INTERVAL') ?? '1';
  const end = p.has('COUNT') ? `#${p.get('COUNT')}` : p.has('UNTIL') ? p.get('UNTIL')!.replace(/^(\d{8})$/, '$1T000000') : '#0';
  const byDay = p.get('BYDAY')?.split(',') ?? [];
  const supported = new Set(['FREQ', 'INTERVAL', 'COUNT', 'UNTIL', 'BYDAY', 'BYMONTHDAY', 'BYMONTH', 'WKST']);
  if ([...p.keys()].some((k) => !supported.has(k))) return null;
  switch (p.get('FREQ')) {
    case 'DAILY':
      return byDay.length ? null : `D${interval} ${end}`;
    case 'WEEKLY':
      return byDay.every((d) => DAYS.includes(d)) ? `W${interval} ${[...byDay, end].join(' ')}` : null;
    case 'MONTHLY': {
      if (p.has('BYMONTHDAY')) return `MD${interval} ${[...p.get('BYMONTHDAY')!.split(','), end].join(' ')}`;
      const positional = byDay.map((d) => /^([+-]?\d)(SU|MO|TU|WE|TH|FR|SA)$/.exec(d));
      if (byDay.length && positional.every(Boolean))
        return `MP${interval} ${positional.map((m) => `${Math.abs(+m![1]!)}${m![1]!.startsWith('-') ? '-' : '+'} ${m![2]}`).join(' ')} ${end}`;
      return byDay.length ? null : `MD${interval} ${end}`;
    }
    case 'YEARLY':
      if (byDay.length || p.has('BYMONTHDAY')) return null;
      return `YM${interval} ${[...(p.get('BYMONTH')?.split(',') ?? []), end].join(' ')}`;
    default:
      return null;
  }
}

export function rruleFromV1(rule: string): string {
  const m = /^(D|W|MD|MP|YM|YD)(\d+)\s*(.*)$/.exec(rule.trim());
  if (!m) throw unreadable(`unreadable vCalendar 1.0 RRULE "${rule}"`);
  const [, freq, interval, rest] = m as unknown as [string, string, string, string];
  const tokens = rest.split(/\s+/).filter((t) => t && t !== '$');
  const out = [`FREQ=${{ D: 'DAILY', W: 'WEEKLY', MD: 'MONTHLY', MP: 'MONTHLY', YM: 'YEARLY', YD: 'YEARLY' }[freq]}`];
  if (interval !== '1') out.push(`INTERVAL=${interval}`);
  const numbers: string[] = [];
  const days: string[] = [];
  let pendingPosition: string | null = null;
  for (const token of tokens) {
    if (token.startsWith('#')) {
      if (token !== '#0') out.push(`COUNT=${token.slice(1)}`);
    } else if (/^\d{8}(T\d{6}Z?)?$/.test(token)) out.push(`UNTIL=${token}`);
    else if (/^\d[+-]$/.test(token)) pendingPosition = `${token.endsWith('-') ? '-' : ''}${token[0]}`;
    else if (DAYS.includes(token)) {
      days.push(`${pendingPosition ?? ''}${token}`);
    } else if (/^\d+$/.test(token)) numbers.push(token);
    else throw unreadable(`unreadable vCalendar 1.0 RRULE token "${token}"`);
  }
  if (days.length) out.push(`BYDAY=${days.join(',')}`);
  if (numbers.length) out.push(`${freq === 'YM' ? 'BYMONTH' : freq === 'YD' ? 'BYYEARDAY' : 'BYMONTHDAY'}=${numbers.join(',')}`);
  return out.join(';');
}
