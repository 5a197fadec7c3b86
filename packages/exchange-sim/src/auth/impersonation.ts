import type { MailboxStore } from '../store/mailbox-store.js';
import type { Mailbox } from '../store/model.js';
import { ewsError } from '../soap/ews-error.js';
import { EwsError } from '../soap/ews-error.js';

/** ExchangeImpersonation: the caller needs the ApplicationImpersonation right, the target must exist. */
export function resolveImpersonation(store: MailboxStore, principal: Mailbox, sid: { kind: string; value: string }): Mailbox {
  if (sid.kind !== 'PrimarySmtpAddress' && sid.kind !== 'SmtpAddress' && sid.kind !== 'PrincipalName') {
    throw new EwsError('ErrorImpersonationFailed', `Impersonation by ${sid.kind} is not supported by this server.`, { fault: true });
  }
  const target = store.mailbox(sid.value);
  if (!target) throw ewsError('ErrorNonExistentMailbox', undefined, true);
  if (target.smtp === principal.smtp) return target;
  if (!principal.canImpersonate) throw ewsError('ErrorImpersonateUserDenied', undefined, true);
  return target;
}
