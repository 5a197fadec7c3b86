import { OBJECT_TYPES } from '@connector/core';
import type { ConnectorConfig } from '@connector/config';
import type { Logger } from '@connector/observability';
import { activeMailboxes, pollSides, requestPoll, type ActiveMailbox, type MailboxRegistry, type PollMode, type PollQueues } from '@connector/scheduling';
import type { MailboxStatusStore } from '@connector/state';
import type { CrmDirectory } from './crm-directory.client.js';

export interface RefreshDeps {
  config: () => ConnectorConfig;
  directory: CrmDirectory;
  registry: MailboxRegistry;
  statuses: Pick<MailboxStatusStore, 'setEnabled'>;
  polls: PollQueues;
  logger: Logger;
}

/** Asks for polls of every enabled type and side of the given mailboxes. */
export async function requestPolls(polls: PollQueues, mailboxes: readonly ActiveMailbox[], mode: PollMode, type?: string): Promise<number> {
  let requested = 0;
  for (const mailbox of mailboxes) {
    for (const objectType of OBJECT_TYPES) {
      if (type && type !== objectType) continue;
      for (const side of pollSides(objectType, mailbox.rules)) {
        await requestPoll(polls, { mailbox: mailbox.smtp, crmUser: mailbox.crmUser, objectType, side }, mode);
        requested += 1;
      }
    }
  }
  return requested;
}

/**
 * Re-reads who is synced (CRM sync-enabled users ∩ the config's list), publishes the list for the
 * other services, and makes sure each mailbox has its polls pending. Mailboxes that left the list
 * keep no schedule: their next-poll jobs find them gone and stop.
 */
export async function refreshMailboxes(deps: RefreshDeps, previous: readonly ActiveMailbox[]): Promise<ActiveMailbox[]> {
  const users = await deps.directory.listSyncUsers();
  const mailboxes = activeMailboxes(deps.config(), users);
  const current = new Set(mailboxes.map((m) => m.smtp));
  for (const gone of previous.filter((m) => !current.has(m.smtp))) {
    await deps.statuses.setEnabled(gone.smtp, false);
    deps.logger.info({ mailbox: gone.smtp }, 'mailbox no longer synced');
  }
  for (const mailbox of mailboxes) await deps.statuses.setEnabled(mailbox.smtp, true);
  await requestPolls(deps.polls, mailboxes, { kind: 'ensure' });
  // Published last: whoever sees a mailbox listed can already ask for its sync (the caller takes
  // the returned list before any other request is served).
  await deps.registry.publish(mailboxes);
  return mailboxes;
}
