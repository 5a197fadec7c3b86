import type { CrmAdminClient } from '../clients/crm-admin.client.js';

const TYPES = ['persons', 'companies', 'activities', 'tasks', 'absences'] as const;

function label(record: Record<string, unknown>): string {
  const name = record.subject ?? record.name ?? ([record.firstName, record.lastName].filter(Boolean).join(' ') || record.type);
  return typeof name === 'string' && name ? `"${name}"` : '';
}

/**
 * The CRM records written after `seq` (a record's version is the change sequence of its last
 * write), for quiet-cycle messages. Deleted records leave no record to show.
 */
export async function crmWritesSince(crm: CrmAdminClient, seq: string): Promise<string[]> {
  const after = BigInt(seq);
  const lines: string[] = [];
  for (const type of TYPES) {
    const records = (await crm[type].listAll()) as unknown as (Record<string, unknown> & { id: string; version: string })[];
    for (const record of records.filter((r) => BigInt(r.version) > after)) lines.push(`${type} ${record.id} ${label(record)} now at version ${record.version}`);
  }
  return lines.length > 0 ? lines : ['(no record carries a newer version: a deletion?)'];
}
