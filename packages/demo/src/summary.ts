import { withClient } from './demo-infra.js';

export const SUMMARY_TYPES = ['email', 'contact', 'appointment', 'task', 'absence'] as const;
export type SummaryType = (typeof SUMMARY_TYPES)[number];

export interface SideCounts { created: number; updated: number; deleted: number }
/** What a run wrote, per mailbox and object type, into each side. */
export interface TypeCounts { exchange: SideCounts; crm: SideCounts }
export type RunSummary = Record<string, Partial<Record<SummaryType, TypeCounts>>>;

interface DecisionRow { mailbox: string; object_type: string; action: string; new_link: boolean; n: string }

const zero = (): TypeCounts => ({ exchange: { created: 0, updated: 0, deleted: 0 }, crm: { created: 0, updated: 0, deleted: 0 } });

/** The last history entry before this run: what the run's decisions are counted after. */
export async function historyWatermark(linkStoreUrl: string): Promise<string> {
  return withClient(linkStoreUrl, async (client) => {
    // No table yet on the very first run: the services create the schema when they start.
    const { rows } = await client.query<{ ok: boolean }>(`SELECT to_regclass('sync.history') IS NOT NULL AS ok`);
    if (!rows[0]?.ok) return '0';
    const max = await client.query<{ id: string | null }>('SELECT max(id)::text AS id FROM sync.history');
    return max.rows[0]?.id ?? '0';
  });
}

function count(counts: TypeCounts, action: string, n: number, newLink: boolean): void {
  switch (action) {
    case 'CreateInExchange': counts.exchange.created += n; break;
    case 'UpdateExchangeFromCrm': counts.exchange.updated += n; break;
    case 'DeleteInExchange': counts.exchange.deleted += n; break;
    case 'CreateInCrm': counts.crm.created += n; break;
    case 'UpdateCrmFromExchange': counts.crm.updated += n; break;
    case 'DeleteInCrm': case 'FlagDeletedInCrm': counts.crm.deleted += n; break;
    case 'MergeAndUpdateBoth': counts.exchange.updated += n; counts.crm.updated += n; break;
    case 'Publish': if (newLink) counts.crm.created += n; else counts.crm.updated += n; break;
    default: break;
  }
}

/**
 * Counts the write decisions the rule engine recorded after `watermark`, less the write jobs that
 * failed for good (quarantined since `since`). "Publish" (a meeting shown read-only in the CRM)
 * is a creation when its link is new in this run, else an update; a flagged deletion counts as a
 * deletion in the CRM.
 */
export async function summarizeSince(linkStoreUrl: string, watermark: string, since: Date, mailboxes: readonly string[]): Promise<RunSummary> {
  const summary: RunSummary = Object.fromEntries(mailboxes.map((m) => [m, {}]));
  const [decided, failed] = await withClient(linkStoreUrl, async (client) => [
    (await client.query<DecisionRow>(
      `SELECT h.mailbox, h.object_type, h.action,
              coalesce(h.link_id IN (SELECT link_id FROM sync.history WHERE id <= $1 AND link_id IS NOT NULL), false) = false AS new_link,
              count(*)::text AS n
         FROM sync.history h
        WHERE h.id > $1 AND h.outcome = 'decided'
        GROUP BY 1, 2, 3, 4`,
      [watermark],
    )).rows,
    // Write jobs carry their action; a failed Publish counts as a failed creation.
    (await client.query<DecisionRow>(
      `SELECT mailbox, object_type, payload->>'action' AS action, true AS new_link, count(*)::text AS n
         FROM sync.quarantine
        WHERE last_seen >= $1 AND released_at IS NULL AND payload ? 'action' AND payload ? 'target'
        GROUP BY 1, 2, 3`,
      [since],
    )).rows,
  ]);
  for (const [rows, sign] of [[decided, 1], [failed, -1]] as const) {
    for (const row of rows) {
      const byType = (summary[row.mailbox] ??= {});
      count((byType[row.object_type as SummaryType] ??= zero()), row.action, sign * Number(row.n), row.new_link);
    }
  }
  return summary;
}

/**
 * Items parked in quarantine since `since` (invalid on their side, or a write that kept failing),
 * still unreleased; the dashboard lists them with the reason and a retry button.
 */
export async function quarantinedSince(linkStoreUrl: string, since: Date): Promise<{ objectType: string; mailbox: string; reason: string }[]> {
  const { rows } = await withClient(linkStoreUrl, (client) => client.query<{ mailbox: string; object_type: string; reason: string }>(
    'SELECT mailbox, object_type, reason FROM sync.quarantine WHERE last_seen >= $1 AND released_at IS NULL ORDER BY mailbox, object_type',
    [since],
  ));
  return rows.map((r) => ({ mailbox: r.mailbox, objectType: r.object_type, reason: r.reason }));
}

export function totalWrites(summary: RunSummary): number {
  let total = 0;
  for (const byType of Object.values(summary)) {
    for (const c of Object.values(byType)) total += c.exchange.created + c.exchange.updated + c.exchange.deleted + c.crm.created + c.crm.updated + c.crm.deleted;
  }
  return total;
}

const cell = (c: SideCounts) => `${c.created}/${c.updated}/${c.deleted}`.padEnd(12);

/** A small table: one line per mailbox and object type, created/updated/deleted into each side. */
export function formatSummary(summary: RunSummary): string {
  const lines = [`  ${'mailbox'.padEnd(22)}${'type'.padEnd(13)}${'→ Exchange'.padEnd(12)}${'→ CRM'.padEnd(12)}`];
  for (const [mailbox, byType] of Object.entries(summary)) {
    const types = SUMMARY_TYPES.filter((t) => byType[t]);
    if (types.length === 0) lines.push(`  ${mailbox.padEnd(22)}${'(all)'.padEnd(13)}no changes`);
    for (const type of types) lines.push(`  ${mailbox.padEnd(22)}${type.padEnd(13)}${cell(byType[type]!.exchange)}${cell(byType[type]!.crm)}`);
  }
  lines.push('  (created/updated/deleted)');
  return lines.join('\n');
}
