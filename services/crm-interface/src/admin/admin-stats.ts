import type { CrmData } from '../repositories/crm-data.js';

const COUNTED = {
  users: 'crm.app_user',
  companies: 'crm.company',
  persons: 'crm.person',
  favourites: 'crm.favourite',
  activities: 'crm.activity',
  participants: 'crm.activity_participant',
  documents: 'crm.document',
  tasks: 'crm.task',
  absences: 'crm.absence',
  tombstones: 'crm.tombstone',
} as const;

const TRACKED = ['crm.app_user', 'crm.company', 'crm.person', 'crm.activity', 'crm.document', 'crm.task', 'crm.absence', 'crm.tombstone'];

export interface CrmStats {
  /**
   * Sequence number of the last committed change (insert, update or delete): equal before and after a
   * sync cycle means the cycle wrote nothing. Failed or deduplicated writes may consume sequence values
   * without changing anything; this number ignores them.
   */
  changeSeq: string;
  /** The read watermark (`currentSeq`), which does advance on such consumed values. */
  watermark: string;
  counts: Record<keyof typeof COUNTED, number>;
}

export async function crmStats(data: CrmData): Promise<CrmStats> {
  const watermark = await data.currentSeq();
  // Each max() is one step down the table's change_seq index.
  const maxima = TRACKED.map((table) => `(SELECT max(change_seq) FROM ${table})`).join(', ');
  const selects = Object.entries(COUNTED).map(([name, table]) => `(SELECT count(*) FROM ${table}) AS "${name}"`);
  const { rows } = await data.db.query<Record<string, string>>(`SELECT COALESCE(GREATEST(${maxima}), 0)::text AS "changeSeq", ${selects.join(', ')}`);
  const { changeSeq, ...rest } = rows[0]!;
  const counts = Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, Number(v)])) as CrmStats['counts'];
  return { changeSeq: changeSeq!, watermark, counts };
}
