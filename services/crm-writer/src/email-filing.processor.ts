import type { Readable } from 'node:stream';
import { ConnectorError, type DomainItemOf, type ExchangeRef, type WriteJob } from '@connector/core';
import type { Rules } from '@connector/config';
import { DATASTORE_OF, filedEmailToNative, type CrmClient, type WriteItemResult } from '@connector/crm-client';
import type { ExchangePort } from '@connector/exchange';
import { DuplicateLinkError, updateLinkAfterWrite, type LinkStore, type StoredLink } from '@connector/state';

type Email = DomainItemOf<'email'>;

/** What filing needs besides the CRM: the mailbox (the MIME, the marks) and the mailbox's rules. */
export interface EmailFilingDeps {
  crm: Pick<CrmClient, 'writeChanges'>;
  links: LinkStore;
  exchange: Pick<ExchangePort, 'openMimeStream' | 'markItem' | 'moveItem' | 'resolveFolder'>;
  rulesFor(mailbox: string): Rules;
  /** The error a refused CRM write becomes (the crm-writer's policy). */
  failure(result: WriteItemResult): ConnectorError;
}

export type FilingPlan = 'whole' | 'without-attachments' | 'too-large';

/**
 * The largest mail CRM.interface can take whole: the MIME travels base64 (4/3 of its size) inside
 * one SyncML object, and CRM.interface accepts objects up to 20 MiB (its MaxObjSize), record included.
 */
export const MAX_WHOLE_MAIL_BYTES = 15 * 1024 * 1024;

/**
 * Under the limit a mail is filed whole; over it (or over what CRM.interface can take whole)
 * without attachments if the rest fits the limit; else not at all.
 */
export function filingPlan(mail: Pick<Email, 'sizeBytes' | 'attachments'>, maxBytes: number): FilingPlan {
  if (mail.sizeBytes <= Math.min(maxBytes, MAX_WHOLE_MAIL_BYTES)) return 'whole';
  const attachments = mail.attachments.reduce((sum, a) => sum + a.sizeBytes, 0);
  return mail.sizeBytes - attachments <= maxBytes ? 'without-attachments' : 'too-large';
}

/** The MIME as base64 for the record; bounded by the size limit, which is why it may be whole here. */
async function base64Of(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('base64');
}

/** A second copy of a filed message: CRM.interface answered with the record another link already holds. */
async function storeLink(links: LinkStore, link: StoredLink, patch: { exchange: ExchangeRef; crm: NonNullable<StoredLink['crm']>; base?: WriteJob['base'] }) {
  const full = () => ({ exchange: patch.exchange, crm: patch.crm, ...(patch.base ? { base: patch.base } : {}), state: 'active' as const });
  try {
    await updateLinkAfterWrite(links, link.id, full);
  } catch (error) {
    if (!(error instanceof DuplicateLinkError)) throw error;
    await updateLinkAfterWrite(links, link.id, () => ({ exchange: patch.exchange, state: 'active' as const }));
  }
}

/**
 * A mail that cannot be filed: the reason goes on the mail (and the mail into the failure folder
 * when one is configured), the link stays with it so the mail is not tried again on every cycle,
 * and the job fails permanently so the mail shows up in quarantine.
 */
async function refuse(job: WriteJob, link: StoredLink, ref: ExchangeRef, reason: string, deps: EmailFilingDeps): Promise<never> {
  const rules = deps.rulesFor(job.mailbox).email;
  let marked = await deps.exchange.markItem(job.mailbox, ref, { properties: { failureReason: reason, linkId: link.id } });
  if (rules.failureFolder) {
    const folder = await deps.exchange.resolveFolder(job.mailbox, `${rules.folder}/${rules.failureFolder}`, { create: true });
    marked = await deps.exchange.moveItem(job.mailbox, marked.itemId, folder.folderId);
  }
  await updateLinkAfterWrite(deps.links, link.id, () => ({ exchange: marked, state: 'quarantined' as const }));
  throw new ConnectorError('EMAIL_TOO_LARGE', 'permanent', reason);
}

/**
 * Files one mail as a CRM e-mail activity: the record with its original MIME (CRM.interface
 * stores it and the attachments as documents), then marks the mail in Exchange with the
 * category, the CRM id and the link id. The link id on the mail is what makes a moved or copied
 * mail recognised as filed; a retried add is recognised by its LUID, a second copy of the
 * message by its Message-ID.
 */
export async function fileEmail(job: WriteJob, link: StoredLink, deps: EmailFilingDeps): Promise<'created'> {
  const mail = job.item as Email | undefined;
  const ref = job.exchange ?? link.exchange;
  if (!mail || mail.type !== 'email' || !ref) throw new ConnectorError('WRITE_WITHOUT_ITEM', 'permanent', 'filing an e-mail needs the mail and its Exchange item');
  const rules = deps.rulesFor(job.mailbox).email;
  const plan = filingPlan(mail, rules.maxSizeBytes);
  if (plan === 'too-large') {
    return refuse(job, link, ref, `the mail (${mail.sizeBytes} bytes) exceeds the size limit of ${rules.maxSizeBytes} bytes even without its attachments`, deps);
  }
  const originalMimeBase64 = plan === 'whole' ? await base64Of(await deps.exchange.openMimeStream(job.mailbox, ref.itemId)) : undefined;
  const payload = filedEmailToNative(mail, { originalMimeBase64, attachmentsOmitted: plan === 'without-attachments' });
  const [result] = await deps.crm.writeChanges(job.crmUser, DATASTORE_OF.email, [{ luid: link.id, op: 'add', payload }]);
  if (!result) throw new ConnectorError('CRM_NO_RESULT', 'transient', 'the CRM answered no status for the item');
  if (!result.ok || !result.recordId) throw deps.failure(result);
  const marked = await deps.exchange.markItem(job.mailbox, ref, { addCategories: [rules.category], properties: { crmId: result.recordId, linkId: link.id, failureReason: null } });
  await storeLink(deps.links, link, { exchange: marked, crm: { recordId: result.recordId, version: result.version ?? '0', luid: link.id }, base: job.base });
  return 'created';
}
