import { QUEUES } from '@connector/core';
import type { ConnectorConfig } from '@connector/config';
import type { ServiceContext } from '@connector/runtime';
import { createQueue, type ConnectorQueue, type QueueConnection } from '@connector/state';

export function queueConnection(config: Pick<ConnectorConfig, 'redis'>): QueueConnection {
  return { url: config.redis.url, prefix: config.redis.prefix };
}

export interface PipelineQueues {
  pollExchange: ConnectorQueue<typeof QUEUES.pollExchange>;
  pollCrm: ConnectorQueue<typeof QUEUES.pollCrm>;
  changes: ConnectorQueue<typeof QUEUES.changes>;
  writeExchange: ConnectorQueue<typeof QUEUES.writeExchange>;
  writeCrm: ConnectorQueue<typeof QUEUES.writeCrm>;
}

/** Producers for every queue of the pipeline, closed with the service. */
export function openPipelineQueues(context: Pick<ServiceContext, 'config' | 'onClose'>): PipelineQueues {
  const connection = queueConnection(context.config);
  const queues: PipelineQueues = {
    pollExchange: createQueue(QUEUES.pollExchange, connection),
    pollCrm: createQueue(QUEUES.pollCrm, connection),
    changes: createQueue(QUEUES.changes, connection),
    writeExchange: createQueue(QUEUES.writeExchange, connection),
    writeCrm: createQueue(QUEUES.writeCrm, connection),
  };
  context.onClose('queues', async () => {
    await Promise.all(Object.values(queues).map((q: ConnectorQueue<never>) => q.close()));
  });
  return queues;
}
