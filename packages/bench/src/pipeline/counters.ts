import { readFileSync } from 'node:fs';
import type { E2eSystem } from '@connector/e2e';

export interface SideCounters {
  /** EWS requests per operation, from the simulator's own counters. */
  ews: Record<string, number>;
  ewsWrites: { creates: number; updates: number; deletes: number };
  /** POST /syncml requests CRM.interface logged (it has no request counter of its own). */
  syncml: number;
  crmChangeSeq: bigint;
  crmActivities: number;
}

/**
 * CRM.interface exposes no SyncML request counter (its /metrics has only the process defaults), so
 * the requests are counted from its own request log: Fastify logs one "incoming request" line per
 * request at level info.
 */
function syncmlRequestsLogged(e2e: E2eSystem): number {
  const log = e2e.system.services.get('crm-interface')?.logFile;
  if (!log) return Number.NaN;
  let count = 0;
  for (const line of readFileSync(log, 'utf8').split('\n')) {
    if (line.includes('"incoming request"') && line.includes('"url":"/syncml')) count += 1;
  }
  return count;
}

export async function readCounters(e2e: E2eSystem): Promise<SideCounters> {
  const [sim, crm] = await Promise.all([e2e.exchange.stats(), e2e.crm.stats()]);
  return {
    ews: { ...sim.byOperation },
    ewsWrites: { ...sim.totalWrites },
    syncml: syncmlRequestsLogged(e2e),
    crmChangeSeq: BigInt(crm.changeSeq),
    crmActivities: crm.counts.activities ?? 0,
  };
}

export interface CounterDelta {
  ewsByOperation: Record<string, number>;
  ewsRequests: number;
  ewsWrites: { creates: number; updates: number; deletes: number };
  syncmlRequests: number;
  /** How far the CRM change sequence moved: 0 means the CRM wrote nothing. */
  crmChanges: number;
}

export function diff(before: SideCounters, after: SideCounters): CounterDelta {
  const ewsByOperation: Record<string, number> = {};
  for (const [op, n] of Object.entries(after.ews)) if (n - (before.ews[op] ?? 0) > 0) ewsByOperation[op] = n - (before.ews[op] ?? 0);
  return {
    ewsByOperation,
    ewsRequests: Object.values(ewsByOperation).reduce((a, b) => a + b, 0),
    ewsWrites: {
      creates: after.ewsWrites.creates - before.ewsWrites.creates,
      updates: after.ewsWrites.updates - before.ewsWrites.updates,
      deletes: after.ewsWrites.deletes - before.ewsWrites.deletes,
    },
    syncmlRequests: after.syncml - before.syncml,
    crmChanges: Number(after.crmChangeSeq - before.crmChangeSeq),
  };
}

/** Peak (VmHWM) and current (VmRSS) resident memory of every child process, in MB. */
export function peakRss(e2e: E2eSystem): Record<string, { peakMb: number; nowMb: number }> {
  const out: Record<string, { peakMb: number; nowMb: number }> = {};
  for (const [name, handle] of e2e.system.services) {
    if (!handle.pid) continue;
    const status = readFileSync(`/proc/${handle.pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
    out[name] = { peakMb: Math.round(kb('VmHWM') / 1024), nowMb: Math.round(kb('VmRSS') / 1024) };
  }
  return out;
}

/** CPU time (user + system) each child process has used so far, in seconds. */
export function cpuSeconds(e2e: E2eSystem): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, handle] of e2e.system.services) {
    if (!handle.pid) continue;
    // Fields 14 and 15 of /proc/<pid>/stat, after the parenthesised command name.
    const fields = readFileSync(`/proc/${handle.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    out[name] = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  }
  return out;
}

/** USER_HZ, 100 on every Linux this runs on. */
const CLOCK_TICKS = 100;
