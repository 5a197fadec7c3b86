import type { Rules } from '@connector/config';
import type { Logger } from '@connector/observability';
import type { MailboxEntry } from '@connector/scheduling';
import type { PgState } from '@connector/state';
import type { PipelineQueues } from '@connector/wiring';

/** What the dashboard reads and acts on; main wires the real ones, tests their isolated ones. */
export interface DashboardDeps {
  stores: Pick<PgState, 'mailboxes' | 'quarantine' | 'conflicts'>;
  /** The current mailbox list (MailboxRegistry). */
  registry: { list(): Promise<MailboxEntry[]> };
  queues: PipelineQueues;
  /** The rules in force for a mailbox (rulesForMailbox under this service's config). */
  rulesFor(smtp: string): Rules;
  /** config dashboard.adminPassword; undefined disables authentication (loopback only). */
  adminPassword: string | undefined;
  logger: Logger;
}
