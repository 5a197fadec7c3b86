import type { ConnectorConfig } from '@connector/config';
import { effectiveRules, type Rules } from '@connector/config';

/** A user the CRM has enabled for sync, as CRM.interface lists them. */
export interface CrmSyncUser {
  /** The user's record id in the CRM (records name their responsible user by it). */
  id: string;
  login: string;
  email: string | undefined;
  syncEnabled: boolean;
}

/** A mailbox the connector syncs now, with the rules in force for it. */
export interface ActiveMailbox {
  crmUser: string;
  crmUserId: string;
  smtp: string;
  rules: Rules;
}

/**
 * The mailbox list: CRM users enabled for sync, intersected with the config's list (or, when the
 * config does not restrict, every enabled user with an address). The config's entry supplies the
 * SMTP address and overrides; the CRM's e-mail is the fallback address.
 */
export function activeMailboxes(config: Pick<ConnectorConfig, 'mailboxes' | 'rules'>, crmUsers: readonly CrmSyncUser[]): ActiveMailbox[] {
  const enabled = new Map(crmUsers.filter((u) => u.syncEnabled).map((u) => [u.login.toLowerCase(), u]));
  const listed = new Map(config.mailboxes.list.map((m) => [m.crmUser.toLowerCase(), m]));
  const logins = config.mailboxes.restrictToList ? [...listed.keys()].filter((login) => enabled.has(login)) : [...enabled.keys()];
  const mailboxes: ActiveMailbox[] = [];
  for (const login of logins) {
    const entry = listed.get(login);
    const user = enabled.get(login)!;
    const smtp = entry?.smtp ?? user.email;
    if (!smtp) continue;
    mailboxes.push({ crmUser: entry?.crmUser ?? user.login, crmUserId: user.id, smtp: smtp.toLowerCase(), rules: effectiveRules(config.rules, entry) });
  }
  return mailboxes.sort((a, b) => a.smtp.localeCompare(b.smtp));
}
