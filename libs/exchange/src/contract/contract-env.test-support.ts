import type { ExchangePort } from '../exchange.port.js';

/** What the contract suite needs besides the port: a way to act as Exchange's users and mail flow. */
export interface ContractEnv {
  /** Configured with the extra property `rating` (ExchangeGatewayOptions.extraProperties). */
  port: ExchangePort;
  /** A fresh mailbox the service account may impersonate. */
  newMailbox(options?: { locale?: string }): Promise<string>;
  /** A user edits the item in Outlook, so its change key moves on. */
  userEdit(itemId: string, fields: Record<string, unknown>): Promise<void>;
  /** Messages arrive in a folder given relative to the mailbox root, e.g. `inbox/CRM`. */
  deliverMessages(mailbox: string, folderPath: string, messages: (string | DeliveredMessage)[]): Promise<string[]>;
}

export interface DeliveredMessage {
  mime: string;
  attachments?: { name: string; contentType: string; content: Buffer }[];
}

export type EnvRef = () => ContractEnv;

export function mime(options: { from: string; to: string; subject: string; id: string; body?: string; extraHeaders?: string }): string {
  return (
    `From: ${options.from}\r\nTo: ${options.to}\r\nSubject: ${options.subject}\r\nMessage-ID: <${options.id}>\r\n` +
    `Date: Tue, 24 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n${options.extraHeaders ?? ''}Content-Type: text/plain; charset="utf-8"\r\n\r\n${options.body ?? 'Hello'}\r\n`
  );
}
