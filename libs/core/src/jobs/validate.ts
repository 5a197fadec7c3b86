import type { z } from 'zod';
import { changeJobSchema, pollJobSchema, writeJobSchema, type ChangeJob, type PollJob, type WriteJob } from './contracts.js';
import { QUEUES, type QueueName } from './queues.js';
import { JobContractError } from '../errors/job-contract.error.js';

const schemaByQueue = {
  [QUEUES.pollExchange]: pollJobSchema,
  [QUEUES.pollCrm]: pollJobSchema,
  [QUEUES.changes]: changeJobSchema,
  [QUEUES.writeExchange]: writeJobSchema,
  [QUEUES.writeCrm]: writeJobSchema,
} satisfies Record<QueueName, z.ZodType>;

export interface JobByQueue {
  'poll-exchange': PollJob;
  'poll-crm': PollJob;
  changes: ChangeJob;
  'write-exchange': WriteJob;
  'write-crm': WriteJob;
}

/** Validates a payload at the queue boundary (both when adding and when processing). */
export function parseJob<Q extends QueueName>(queue: Q, payload: unknown): JobByQueue[Q] {
  const result = schemaByQueue[queue].safeParse(payload);
  if (!result.success) {
    throw new JobContractError(
      queue,
      result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || '(root)', message: issue.message })),
    );
  }
  return result.data as JobByQueue[Q];
}
