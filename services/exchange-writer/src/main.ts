import { runService } from '@connector/runtime';
import { rulesForMailbox } from '@connector/scheduling';
import { openExchange, openState, startWriteWorker } from '@connector/wiring';
import { writeToExchange } from './exchange-write.processor.js';

await runService({
  name: 'exchange-writer',
  defaultPort: 8724,
  async start(context) {
    const state = await openState(context);
    const exchange = openExchange(context);
    const deps = { exchange, links: state.links, rulesFor: (mailbox: string) => rulesForMailbox(context.config, mailbox) };
    startWriteWorker(context, { target: 'exchange', state, write: (job) => writeToExchange(job, deps) });
  },
});
