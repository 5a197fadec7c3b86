import { randomUUID } from 'node:crypto';
import type { SeedItem } from '@connector/exchange-sim';

export interface MailAddress {
  address: string;
  name?: string;
}

export interface MailSpec {
  from: MailAddress;
  to: MailAddress[];
  cc?: MailAddress[];
  subject: string;
  text: string;
  html?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string[];
  date?: string;
  importance?: 'low' | 'normal' | 'high';
  attachments?: { name: string; contentType: string; content: Buffer }[];
}

const list = (addresses: MailAddress[]) => addresses.map((a) => (a.name ? `"${a.name}" <${a.address}>` : `<${a.address}>`)).join(',\r\n ');
const base64Lines = (data: Buffer) => data.toString('base64').replace(/.{76}/g, '$&\r\n');

/** An RFC 5322 message as a mail client would deliver it: text and HTML alternatives, attachments. */
export function mime(spec: MailSpec): string {
  const mixed = `mixed-${randomUUID()}`;
  const alternative = `alt-${randomUUID()}`;
  const headers = [
    `From: ${list([spec.from])}`,
    `To: ${list(spec.to)}`,
    ...(spec.cc?.length ? [`Cc: ${list(spec.cc)}`] : []),
    `Subject: ${spec.subject}`,
    `Date: ${new Date(spec.date ?? Date.now()).toUTCString().replace('GMT', '+0000')}`,
    `Message-ID: ${spec.messageId ?? `<${randomUUID()}@mail.example>`}`,
    ...(spec.inReplyTo ? [`In-Reply-To: ${spec.inReplyTo}`] : []),
    ...(spec.references?.length ? [`References: ${spec.references.join(' ')}`] : []),
    ...(spec.importance === 'high' ? ['Importance: high', 'X-Priority: 1'] : []),
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${mixed}"`,
  ];
  const parts = [
    `--${mixed}\r\nContent-Type: multipart/alternative; boundary="${alternative}"\r\n\r\n` +
      `--${alternative}\r\nContent-Type: text/plain; charset="utf-8"\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(Buffer.from(spec.text))}\r\n` +
      `--${alternative}\r\nContent-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(Buffer.from(spec.html ?? `<p>${spec.text}</p>`))}\r\n` +
      `--${alternative}--\r\n`,
    ...(spec.attachments ?? []).map(
      (a) =>
        `--${mixed}\r\nContent-Type: ${a.contentType}; name="${a.name}"\r\nContent-Disposition: attachment; filename="${a.name}"\r\n` +
        `Content-Transfer-Encoding: base64\r\n\r\n${base64Lines(a.content)}\r\n`,
    ),
  ];
  return `${headers.join('\r\n')}\r\n\r\n${parts.join('')}--${mixed}--\r\n`;
}

/** The message as the simulator stores a delivered mail: its MIME, header fields and attachments. */
export function deliveredMail(spec: MailSpec, options: { draft?: boolean } = {}): SeedItem {
  const html = spec.html ?? `<p>${spec.text}</p>`;
  return {
    kind: 'message',
    mime: Buffer.from(mime(spec)).toString('base64'),
    fields: {
      Body: { type: 'HTML', value: html },
      ...(spec.importance ? { Importance: spec.importance[0]!.toUpperCase() + spec.importance.slice(1) } : {}),
    },
    attachments: spec.attachments?.map((a) => ({ name: a.name, contentType: a.contentType, isInline: false, content: a.content.toString('base64'), lastModified: new Date().toISOString() })),
    // PR_MESSAGE_FLAGS: MSGFLAG_UNSENT marks a draft.
    ...(options.draft ? { extended: [{ uri: { PropertyTag: '0x0E07', PropertyType: 'Integer' }, value: '8' }] } : {}),
  } as SeedItem;
}
