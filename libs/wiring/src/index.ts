export { queueConnection, openPipelineQueues, type PipelineQueues } from './queues.wiring.js';
export { openState, openRedis, openCursors } from './state.wiring.js';
export { openExchange, exchangeAuth, exchangeGatewayOptions } from './exchange.wiring.js';
export { openCrm, signingKey, cursorAnchorStore, crmClientOptions } from './crm.wiring.js';
export { startPollWorker, type PollWorkerSettings } from './poll-worker.wiring.js';
export { PipelineMetrics, observeWorker, observeQueueDepths } from './metrics.wiring.js';
export { startWriteWorker, type WriteWorkerSettings } from './write-worker.wiring.js';
