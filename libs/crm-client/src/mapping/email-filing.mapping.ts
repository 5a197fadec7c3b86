import type { Email } from '@connector/core';
import { emailToNative } from './activity.mapping.js';
import { el } from './native-xml.js';

export interface FilingExtras {
  /** The original message, base64 of its RFC 5322 bytes: CRM.interface stores it and its attachments as documents. */
  originalMimeBase64?: string;
  /** The mail was over the size limit and is filed without its original and attachments. */
  attachmentsOmitted?: boolean;
}

/**
 * An e-mail activity as filed: the record plus the write-only `originalMime` element (see
 * CRM.interface's record format). Base64 needs no escaping, so it is appended as is; a record
 * larger than a SyncML message travels as a large object (MoreData).
 */
export function filedEmailToNative(mail: Email, extras: FilingExtras = {}): string {
  const more = el('attachmentsOmitted', extras.attachmentsOmitted ?? false) + (extras.originalMimeBase64 ? `<originalMime>${extras.originalMimeBase64}</originalMime>` : '');
  return emailToNative(mail).replace(/<\/activity>$/, `${more}</activity>`);
}
