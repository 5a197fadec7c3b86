import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { FastifyInstance } from 'fastify';
import type { PipelineQueues } from '@connector/wiring';

export const QUEUES_PATH = '/queues';

/**
 * bull-board's UI for every queue of the pipeline, over the raw BullMQ queues. Its UI assets are
 * served from the installed @bull-board/ui package; nothing is fetched at run time.
 */
export async function mountBullBoard(app: FastifyInstance, queues: PipelineQueues): Promise<void> {
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUES_PATH);
  createBullBoard({
    queues: Object.values(queues).map((q: PipelineQueues[keyof PipelineQueues]) => new BullMQAdapter(q.queue)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'connector queues' } },
  });
  await app.register(serverAdapter.registerPlugin(), { prefix: QUEUES_PATH });
}
