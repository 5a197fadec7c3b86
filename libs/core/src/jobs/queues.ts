/** Every queue of the pipeline, named once. */
export const QUEUES = {
  pollExchange: 'poll-exchange',
  pollCrm: 'poll-crm',
  changes: 'changes',
  writeExchange: 'write-exchange',
  writeCrm: 'write-crm',
} as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];
export const QUEUE_NAMES: readonly QueueName[] = Object.values(QUEUES);

/** Default prefix of every BullMQ key; deployments and test runs override it to share a Redis. */
export const DEFAULT_QUEUE_PREFIX = 'connector';

/**
 * Retries with exponential backoff for transient failures; completed jobs kept briefly for the
 * dashboard, failed ones a week for diagnosis. Permanent errors bypass retries (UnrecoverableError).
 */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 3_600, count: 2_000 },
  removeOnFail: { age: 7 * 24 * 3_600 },
} as const;

function keyPart(value: string): string {
  // BullMQ job ids must not contain ':' nor look like integers.
  return value.replace(/[^A-Za-z0-9@._-]/g, '_');
}

/** Deterministic id so a second "poll mailbox X type Y" while one waits is a no-op. */
export function pollJobId(side: 'exchange' | 'crm', mailbox: string, objectType: string): string {
  return `poll-${side}-${keyPart(mailbox)}-${objectType}`;
}

/** Deterministic id per item so changes to one item wait as one job. */
export function changeJobId(mailbox: string, objectType: string, side: 'exchange' | 'crm', sourceId: string): string {
  return `chg-${keyPart(mailbox)}-${objectType}-${side}-${keyPart(sourceId)}`;
}

/** One write per link and target side at a time; a newer decision replaces a waiting one. */
export function writeJobId(side: 'exchange' | 'crm', linkId: string, linkVersion: number): string {
  return `wr-${side}-${keyPart(linkId)}-v${linkVersion}`;
}
