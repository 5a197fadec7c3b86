/** What the server "sent": meeting requests, cancellations and mails, for tests and the admin API. */
export interface SentMessage {
  at: string;
  from: string;
  kind: 'message' | 'meetingRequest' | 'meetingCancellation';
  to: string[];
  subject: string;
}

export class Outbox {
  readonly sent: SentMessage[] = [];

  record(message: Omit<SentMessage, 'at'>): void {
    this.sent.push({ at: new Date().toISOString(), ...message });
    if (this.sent.length > 10_000) this.sent.shift();
  }
}
