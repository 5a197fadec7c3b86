import { MailParser, type AttachmentStream, type MessageText } from 'mailparser';
import { Readable } from 'node:stream';
import type { Db } from '../db/database.js';
import type { Activity } from '../records/activity.schema.js';
import type { DocumentRepository } from './document.repository.js';
import type { Actor } from './rights.js';

/** The write-only element of an e-mail record that carries the original message (base64 of the RFC 5322 bytes). */
export const ORIGINAL_MIME_ELEMENT = 'originalMime';
const OPEN = `<${ORIGINAL_MIME_ELEMENT}>`;
const CLOSE = `</${ORIGINAL_MIME_ELEMENT}>`;
/** Base64 characters decoded per step: a multiple of 4, so each slice decodes on its own. */
const SLICE = 256 * 1024;

/**
 * Cuts the original MIME out of an e-mail record before the record is parsed, so megabytes of
 * base64 never go through the XML parser and never reach the record schema.
 */
export function takeOriginalMime(xml: string): { xml: string; mimeBase64?: string } {
  const start = xml.indexOf(OPEN);
  if (start === -1) return { xml };
  const end = xml.indexOf(CLOSE, start);
  if (end === -1) return { xml };
  return { xml: xml.slice(0, start) + xml.slice(end + CLOSE.length), mimeBase64: xml.slice(start + OPEN.length, end).replace(/\s+/g, '') };
}

function* decodeBase64(base64: string): Generator<Buffer> {
  for (let offset = 0; offset < base64.length; offset += SLICE) yield Buffer.from(base64.slice(offset, offset + SLICE), 'base64');
}

type Input = Record<string, unknown> & {
  personId?: string | null;
  companyId?: string | null;
  followUp?: boolean;
  direction?: string | null;
  organizer?: { address?: string | null } | null;
  participants?: { address?: string | null; role?: string }[];
  internetMessageId?: string | null;
  inReplyTo?: string | null;
  references?: string[];
  threadId?: string | null;
};

/**
 * What the CRM adds when a client files an e-mail (emails datastore): the person and company the
 * mail belongs to, the follow-up flag when nobody matched, the thread, and the documents taken
 * from the original message.
 */
export class EmailFiling {
  constructor(
    private readonly db: Db,
    private readonly documents: DocumentRepository,
  ) {}

  /**
   * The counterpart's unique person match carries the activity (the sender of an incoming mail,
   * the first To recipient that matches of an outgoing one); without one the activity stays on
   * the owner and is flagged for follow-up. A reply joins the thread of the mail it answers.
   */
  async prepare(raw: unknown): Promise<unknown> {
    if (typeof raw !== 'object' || raw === null) return raw;
    const input = raw as Input;
    const out: Input = { ...input };
    if (input.personId === undefined) {
      const candidates =
        input.direction === 'outgoing'
          ? (input.participants ?? []).filter((p) => p.role !== 'optional').map((p) => p.address)
          : [input.organizer?.address];
      const match = await this.firstUniquePerson(candidates.filter((a): a is string => !!a));
      if (match) Object.assign(out, { personId: match.id, ...(input.companyId === undefined ? { companyId: match.company_id } : {}) });
      else out.followUp = true;
    }
    if (input.threadId === undefined && input.internetMessageId) out.threadId = await this.threadOf(input);
    return out;
  }

  private async firstUniquePerson(addresses: string[]): Promise<{ id: string; company_id: string | null } | undefined> {
    for (const address of addresses) {
      const { rows } = await this.db.query<{ id: string; company_id: string | null }>(
        `SELECT DISTINCT p.id, p.company_id FROM crm.person_email e JOIN crm.person p ON p.id = e.person_id
          WHERE lower(e.address) = lower($1) LIMIT 2`,
        [address],
      );
      if (rows.length === 1) return rows[0];
    }
    return undefined;
  }

  /** The thread of the nearest filed ancestor (In-Reply-To, then References from the newest), else its own Message-ID. */
  private async threadOf(input: Input): Promise<string> {
    const ancestors = [input.inReplyTo, ...[...(input.references ?? [])].reverse()].filter((id): id is string => !!id);
    if (ancestors.length > 0) {
      const { rows } = await this.db.query<{ message_id: string; thread: string }>(
        `SELECT internet_message_id AS message_id, coalesce(thread_id, internet_message_id) AS thread FROM crm.activity
          WHERE internet_message_id = ANY($1::text[])`,
        [ancestors],
      );
      for (const id of ancestors) {
        const found = rows.find((r) => r.message_id === id);
        if (found) return found.thread;
      }
    }
    return input.internetMessageId!;
  }

  /**
   * Stores the original message and each attachment as documents of the activity, streamed:
   * base64 is decoded slice by slice, mailparser hands each attachment over as a stream, and
   * each goes to a large object. Done once per activity: the original is stored last, so an
   * activity holding it is complete, and attachments of an interrupted earlier attempt are
   * replaced. Returns the bodies the message itself has, for a record that came without them.
   */
  async storeDocuments(actor: Actor, activity: Activity, mimeBase64: string): Promise<{ text?: string; html?: string }> {
    if (activity.documents.some((d) => d.role === 'original-mime')) return {};
    const bodies: { text?: string; html?: string } = {};
    for (const stale of activity.documents.filter((d) => d.role === 'attachment')) await this.documents.delete(actor, stale.id);
    const parser = Readable.from(decodeBase64(mimeBase64)).pipe(new MailParser());
    for await (const part of parser as AsyncIterable<AttachmentStream | MessageText>) {
      if (part.type === 'text') {
        bodies.text = part.text || undefined;
        bodies.html = part.html || undefined;
        continue;
      }
      await this.documents.create(
        actor,
        {
          activityId: activity.id,
          role: 'attachment',
          fileName: part.filename || 'attachment',
          contentType: part.contentType || 'application/octet-stream',
          contentId: part.contentId ?? null,
        },
        part.content,
      );
      part.release?.();
    }
    const fileName = `${(activity.subject || 'message').replace(/[\\/:*?"<>|\r\n]+/g, ' ').trim().slice(0, 120) || 'message'}.eml`;
    await this.documents.create(actor, { activityId: activity.id, role: 'original-mime', fileName, contentType: 'message/rfc822' }, Readable.from(decodeBase64(mimeBase64)));
    return bodies;
  }
}
