import type { DomainItemOf } from '@connector/core';
import { skip, type Decision } from './actions.js';
import { flowsFrom, type CompiledEmailRules } from './compile-rules.js';
import type { DecideInput } from './decide-input.js';
import { createOnOther } from './decide-shared.js';
import { isInternalOnly } from './filters/email.filter.js';
import { privateTreatment } from './filters/private.filter.js';
import { inWindow } from './filters/window.filter.js';

/**
 * E-mails are filed once, Exchange → CRM: a filed mail is never updated, and deleting it on
 * either side leaves the CRM activity alone. A second copy of a filed mail is recognised by its
 * Message-ID at CRM.interface, not here.
 */
export function decideEmail(input: DecideInput, rules: CompiledEmailRules): Decision {
  const { change, link, context } = input;
  if (change.origin === 'crm' || !flowsFrom(rules.direction, 'exchange')) return skip('direction', 'e-mails are only filed from Exchange into the CRM');
  if (change.kind === 'delete') return link ? skip('kept-in-crm', 'a filed e-mail stays filed') : skip('unknown-item');
  if (link) return skip('already-filed');
  const mail = change.item as DomainItemOf<'email'>;
  if (mail.isDraft) return skip('draft', 'drafts are never filed');
  const privacy = privateTreatment(rules.privateItems, mail);
  if (privacy === 'skip') return skip('private');
  if (rules.skipInternalOnly && isInternalOnly(mail, rules.ownDomains)) return skip('internal-only');
  if (!inWindow(mail, rules.window, context.now)) return skip('outside-window');
  return createOnOther('exchange', mail, privacy.asPrivate, 'e-mail moved into the CRM folder');
}
