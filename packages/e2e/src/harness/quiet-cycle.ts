import type { RequestLogEntry, WriteCounters } from '@connector/exchange-sim';
import type { ExchangeSimClient } from '../clients/exchange-sim.client.js';
import type { CycleOptions, CycleRunner, CycleTarget } from './cycle-runner.js';

/** What "nothing was written" is measured with: EWS write counters and the CRM change sequence. */
export interface WriteProbe {
  exchange: ExchangeSimClient;
  /** The CRM's change sequence watermark (grows with every committed CRM change). */
  crmChangeSeq(): Promise<string>;
  /** For the message: the CRM writes after `seq`, one line each. */
  crmWritesSince?(seq: string): Promise<string[]>;
}

const WRITE_OPERATIONS = new Set(['CreateItem', 'UpdateItem', 'DeleteItem', 'MoveItem', 'CopyItem', 'CreateAttachment', 'DeleteAttachment', 'SendItem', 'CreateFolder', 'UpdateFolder', 'DeleteFolder']);

function diffCounters(before: Record<string, WriteCounters>, after: Record<string, WriteCounters>): Record<string, WriteCounters> {
  const out: Record<string, WriteCounters> = {};
  for (const [mailbox, now] of Object.entries(after)) {
    const was = before[mailbox] ?? { creates: 0, updates: 0, deletes: 0 };
    const delta = { creates: now.creates - was.creates, updates: now.updates - was.updates, deletes: now.deletes - was.deletes };
    if (delta.creates || delta.updates || delta.deletes) out[mailbox] = delta;
  }
  return out;
}

function describeLog(entries: RequestLogEntry[]): string {
  return entries.map((e) => `  ${e.at} ${e.operation} mailbox=${e.mailbox ?? '-'} → ${e.responseCode}`).join('\n');
}

/**
 * Runs one more cycle and fails unless it wrote nothing on either side: the echo-suppression
 * and idempotence check every sync test ends with. The message lists which mailbox got which
 * EWS writes (with the write requests of the cycle) and how far the CRM sequence moved.
 */
export async function assertQuietCycle(probe: WriteProbe, cycles: Pick<CycleRunner, 'runCycle'>, target: CycleTarget = {}, options: CycleOptions = {}): Promise<void> {
  const since = new Date().toISOString();
  const [statsBefore, seqBefore] = await Promise.all([probe.exchange.stats(), probe.crmChangeSeq()]);
  await cycles.runCycle(target, options);
  const [statsAfter, seqAfter] = await Promise.all([probe.exchange.stats(), probe.crmChangeSeq()]);
  const exchangeWrites = diffCounters(statsBefore.writes, statsAfter.writes);
  const problems: string[] = [];
  if (Object.keys(exchangeWrites).length > 0) {
    const writes = (await probe.exchange.log({ since })).filter((e) => WRITE_OPERATIONS.has(e.operation));
    problems.push(`Exchange writes per mailbox: ${JSON.stringify(exchangeWrites)}\nwrite requests of the cycle:\n${describeLog(writes)}`);
  }
  if (seqAfter !== seqBefore) {
    const writes = (await probe.crmWritesSince?.(seqBefore)) ?? [];
    problems.push(`CRM change sequence moved from ${seqBefore} to ${seqAfter}${writes.map((w) => `\n  ${w}`).join('')}`);
  }
  if (problems.length > 0) {
    throw new Error(`the cycle ${JSON.stringify(target)} was expected to write nothing, but:\n${problems.join('\n')}`);
  }
}
